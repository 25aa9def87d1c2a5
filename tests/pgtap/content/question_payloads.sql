-- Question payloads: a valid prompt and answer key of every type, and each kind of invalid
-- payload, checked by SQLSTATE. IL210 is an invalid prompt, IL211 an invalid answer key, IL212 a
-- key that does not match its prompt and IL213 an unknown type. Then the same checks wired to
-- the tables, and the checks of the scoring settings.
-- The validators are called as the superuser that runs the suite: only the owner may run
-- content.validate_question_answer_key().
begin;
select plan(105);

select tests.create_fixture();

-- Valid prompts and answer keys of every type

select lives_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}')$$,
    'a valid single choice prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'single_choice',
        '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}',
        '{"correct_option_id": "b"}'
    )$$,
    'a valid single choice answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('multiple_choice', '{"text": "Pick some.",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c",
        "text": "C"}]}')$$,
    'a valid multiple choice prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'multiple_choice',
        '{"text": "Pick some.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
        {"id": "c", "text": "C"}]}',
        '{"correct_option_ids": ["a", "c"], "partial_credit": true}'
    )$$,
    'a valid multiple choice answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('true_false', '{"text": "Water is wet."}')$$,
    'a valid true false prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'true_false',
        '{"text": "Water is wet."}',
        '{"correct": true}'
    )$$,
    'a valid true false answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}')$$,
    'a valid fill in blanks prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": ["100", "one hundred"]}, {"id": "place",
        "accepted": ["sea"], "case_sensitive": false}]}'
    )$$,
    'a valid fill in blanks answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('numeric', '{"text": "What is g near the ground?",
        "unit": "m/s2"}')$$,
    'a valid numeric prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'numeric',
        '{"text": "What is g near the ground?", "unit": "m/s2"}',
        '{"value": 9.81, "tolerance": 0.05}'
    )$$,
    'a valid numeric answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('ordering', '{"text": "Order the stages.",
        "items": [{"id": "a", "text": "Egg"}, {"id": "b", "text": "Larva"}, {"id": "c",
        "text": "Adult"}]}')$$,
    'a valid ordering prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'ordering',
        '{"text": "Order the stages.", "items": [{"id": "a", "text": "Egg"}, {"id": "b",
        "text": "Larva"}, {"id": "c", "text": "Adult"}]}',
        '{"order": ["a", "b", "c"]}'
    )$$,
    'a valid ordering answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('matching', '{"text": "Match.", "left": [{"id": "l1",
        "text": "H2O"}, {"id": "l2", "text": "CO2"}], "right": [{"id": "r1", "text": "Water"},
        {"id": "r2", "text": "Carbon dioxide"}, {"id": "r3", "text": "Salt"}]}')$$,
    'a valid matching prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'matching',
        '{"text": "Match.", "left": [{"id": "l1", "text": "H2O"}, {"id": "l2", "text": "CO2"}],
        "right": [{"id": "r1", "text": "Water"}, {"id": "r2", "text": "Carbon dioxide"},
        {"id": "r3", "text": "Salt"}]}',
        '{"pairs": [{"left": "l1", "right": "r1"}, {"left": "l2", "right": "r2"}]}'
    )$$,
    'a valid matching answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('hotspot', '{"text": "Click the nucleus.",
        "frame_ms": 12000}')$$,
    'a valid hotspot prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": [{"shape": "rectangle", "x": 0.1, "y": 0.2, "width": 0.3, "height": 0.25},
        {"shape": "circle", "x": 0.7, "y": 0.5, "radius": 0.1}]}'
    )$$,
    'a valid hotspot answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('free_text', '{"text": "Explain photosynthesis.",
        "max_length": 2000}')$$,
    'a valid free text prompt is accepted'
);
select lives_ok(
    $$select content.validate_question_answer_key(
        'free_text',
        '{"text": "Explain photosynthesis.", "max_length": 2000}',
        '{"rubric": [{"criterion": "Names light, water and carbon dioxide", "points": 1},
        {"criterion": "Names sugar and oxygen", "points": 1}],
        "model_answer": "Plants use light to make sugar."}'
    )$$,
    'a valid free text answer key is accepted'
);
select lives_ok(
    $$select content.validate_question_prompt('poll', '{"text": "Did you enjoy this video?",
        "options": [{"id": "y", "text": "Yes"}, {"id": "n", "text": "No"}],
        "allow_multiple": false}')$$,
    'a valid poll prompt is accepted'
);

-- Invalid prompts (IL210)

select throws_ok(
    $$select content.validate_question_prompt('true_false', '["Water is wet."]')$$,
    'IL210', null,
    'a prompt that is not an object is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('true_false', '{}')$$,
    'IL210', null,
    'a prompt without text is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('true_false', '{"text": "   "}')$$,
    'IL210', null,
    'a prompt with blank text is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('true_false', '{"text": 42}')$$,
    'IL210', null,
    'a prompt whose text is not a string is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        "correct_option_id": "a"}')$$,
    'IL210', null,
    'a prompt carrying an answer field is rejected as an unknown field'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one."}')$$,
    'IL210', null,
    'a single choice prompt without options is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a", "text": "A"}]}')$$,
    'IL210', null,
    'a single choice prompt with one option is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": {"a": "A", "b": "B"}}')$$,
    'IL210', null,
    'options given as an object are rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"text": "A"}, {"id": "b", "text": "B"}]}')$$,
    'IL210', null,
    'an option without an id is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a b", "text": "A"}, {"id": "b", "text": "B"}]}')$$,
    'IL210', null,
    'an option id with a space is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}')$$,
    'IL210', null,
    'duplicate option ids are rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a", "text": ""}, {"id": "b", "text": "B"}]}')$$,
    'IL210', null,
    'an option with empty text is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('single_choice', '{"text": "Pick one.",
        "options": [{"id": "a", "text": "A", "correct": true}, {"id": "b", "text": "B"}]}')$$,
    'IL210', null,
    'an option carrying a correct flag is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('multiple_choice', '{"text": "Pick some.",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "shuffle": "yes"}')$$,
    'IL210', null,
    'a shuffle flag that is not a boolean is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees.", "blanks": []}')$$,
    'IL210', null,
    'a fill in the blanks prompt without blanks is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('fill_in_blanks',
        '{"text": "Water boils at 100 degrees.", "blanks": [{"id": "temp"}]}')$$,
    'IL210', null,
    'a blank missing from the text is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.",
        "blanks": [{"id": "temp"}]}')$$,
    'IL210', null,
    'a placeholder without a blank is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('fill_in_blanks',
        '{"text": "{{temp}} and again {{temp}}.", "blanks": [{"id": "temp"}]}')$$,
    'IL210', null,
    'a blank placed twice in the text is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('fill_in_blanks', '{"text": "{{temp}} and {{temp}}.",
        "blanks": [{"id": "temp"}, {"id": "temp"}]}')$$,
    'IL210', null,
    'duplicate blank ids are rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('numeric', '{"text": "How far?", "unit": " "}')$$,
    'IL210', null,
    'a blank unit is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('ordering', '{"text": "Order.", "items": [{"id": "a",
        "text": "A"}]}')$$,
    'IL210', null,
    'an ordering prompt with one item is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('matching', '{"text": "Match.", "left": [{"id": "l1",
        "text": "A"}, {"id": "l2", "text": "B"}, {"id": "l3", "text": "C"}], "right": [{"id": "r1",
        "text": "1"}, {"id": "r2", "text": "2"}]}')$$,
    'IL210', null,
    'a matching prompt with fewer right than left entries is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('matching', '{"text": "Match.", "left": [{"id": "x",
        "text": "A"}, {"id": "l2", "text": "B"}], "right": [{"id": "x", "text": "1"}, {"id": "r2",
        "text": "2"}]}')$$,
    'IL210', null,
    'a matching prompt using one id on both sides is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('hotspot', '{"text": "Click the nucleus."}')$$,
    'IL210', null,
    'a hotspot prompt without a frame time is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('hotspot', '{"text": "Click the nucleus.",
        "frame_ms": -1}')$$,
    'IL210', null,
    'a hotspot prompt with a negative frame time is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('hotspot', '{"text": "Click the nucleus.",
        "frame_ms": 12.5}')$$,
    'IL210', null,
    'a hotspot prompt with a fractional frame time is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('free_text', '{"text": "Explain.",
        "max_length": 0}')$$,
    'IL210', null,
    'a free text prompt with a maximum length of 0 is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt('poll', '{"text": "Enjoyed it?",
        "options": [{"id": "y", "text": "Yes"}, {"id": "n", "text": "No"}],
        "allow_multiple": 1}')$$,
    'IL210', null,
    'a poll with an allow_multiple that is not a boolean is rejected'
);

-- Unknown types (IL213)

select throws_ok(
    $$select content.validate_question_prompt('essay', '{"text": "Write."}')$$,
    'IL213', null,
    'validating a prompt of an unknown type is rejected'
);
select throws_ok(
    $$select content.validate_question_prompt(null, '{"text": "Write."}')$$,
    'IL213', null,
    'validating a prompt without a type is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'essay', '{"text": "Write."}', '{"correct": true}'
    )$$,
    'IL213', null,
    'validating an answer key of an unknown type is rejected'
);

-- Invalid answer keys (IL211)

select throws_ok(
    $$select content.validate_question_answer_key(
        'true_false',
        '{"text": "Water is wet."}',
        '[true]'
    )$$,
    'IL211', null,
    'an answer key that is not an object is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'single_choice',
        '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}',
        '{}'
    )$$,
    'IL211', null,
    'a single choice key without a correct option is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'single_choice',
        '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}',
        '{"correct_option_id": 1}'
    )$$,
    'IL211', null,
    'a correct option id that is not a string is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'single_choice',
        '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}',
        '{"correct_option_id": "a", "explanation": "A is right."}'
    )$$,
    'IL211', null,
    'an answer key with an unknown field is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'multiple_choice',
        '{"text": "Pick some.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
        {"id": "c", "text": "C"}]}',
        '{"correct_option_ids": []}'
    )$$,
    'IL211', null,
    'a multiple choice key without any correct option is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'multiple_choice',
        '{"text": "Pick some.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
        {"id": "c", "text": "C"}]}',
        '{"correct_option_ids": ["a", "a"]}'
    )$$,
    'IL211', null,
    'a multiple choice key repeating an option is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'multiple_choice',
        '{"text": "Pick some.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
        {"id": "c", "text": "C"}]}',
        '{"correct_option_ids": ["a", 2]}'
    )$$,
    'IL211', null,
    'a multiple choice key with a non-string id is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'multiple_choice',
        '{"text": "Pick some.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
        {"id": "c", "text": "C"}]}',
        '{"correct_option_ids": ["a"], "partial_credit": "yes"}'
    )$$,
    'IL211', null,
    'a partial_credit flag that is not a boolean is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'true_false',
        '{"text": "Water is wet."}',
        '{"correct": "true"}'
    )$$,
    'IL211', null,
    'a true/false key whose answer is a string is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": []}, {"id": "place", "accepted": ["sea"]}]}'
    )$$,
    'IL211', null,
    'a blank without accepted answers is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": [" "]}, {"id": "place", "accepted": ["sea"]}]}'
    )$$,
    'IL211', null,
    'a blank accepting a blank answer is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": ["100", "100"]}, {"id": "place",
        "accepted": ["sea"]}]}'
    )$$,
    'IL211', null,
    'a blank repeating an accepted answer is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": ["100"], "case_sensitive": "no"}, {"id": "place",
        "accepted": ["sea"]}]}'
    )$$,
    'IL211', null,
    'a case_sensitive flag that is not a boolean is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": ["100"]}, {"id": "temp", "accepted": ["sea"]}]}'
    )$$,
    'IL211', null,
    'an answer key naming one blank twice is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'numeric',
        '{"text": "What is g near the ground?", "unit": "m/s2"}',
        '{"value": 9.81, "tolerance": -0.1}'
    )$$,
    'IL211', null,
    'a negative tolerance is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'numeric',
        '{"text": "What is g near the ground?", "unit": "m/s2"}',
        '{"value": "9.81", "tolerance": 0.1}'
    )$$,
    'IL211', null,
    'a numeric value given as a string is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'numeric',
        '{"text": "What is g near the ground?", "unit": "m/s2"}',
        '{"value": 9.81}'
    )$$,
    'IL211', null,
    'a numeric key without a tolerance is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'ordering',
        '{"text": "Order the stages.", "items": [{"id": "a", "text": "Egg"}, {"id": "b",
        "text": "Larva"}, {"id": "c", "text": "Adult"}]}',
        '{"order": ["a", "a", "c"]}'
    )$$,
    'IL211', null,
    'an order repeating an item is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'matching',
        '{"text": "Match.", "left": [{"id": "l1", "text": "H2O"}, {"id": "l2", "text": "CO2"}],
        "right": [{"id": "r1", "text": "Water"}, {"id": "r2", "text": "Carbon dioxide"},
        {"id": "r3", "text": "Salt"}]}',
        '{"pairs": [{"left": "l1"}, {"left": "l2", "right": "r2"}]}'
    )$$,
    'IL211', null,
    'a pair without a right side is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": []}'
    )$$,
    'IL211', null,
    'a hotspot key without areas is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": [{"shape": "polygon", "points": [[0, 0], [1, 1], [0, 1]]}]}'
    )$$,
    'IL211', null,
    'an area of an unknown shape is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": [{"shape": "rectangle", "x": 0.8, "y": 0.1, "width": 0.3, "height": 0.2}]}'
    )$$,
    'IL211', null,
    'a rectangle reaching beyond the frame is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": [{"shape": "rectangle", "x": -0.1, "y": 0.1, "width": 0.3, "height": 0.2}]}'
    )$$,
    'IL211', null,
    'a rectangle with a negative coordinate is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": [{"shape": "circle", "x": 0.5, "y": 0.5, "radius": 0}]}'
    )$$,
    'IL211', null,
    'a circle of radius 0 is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'hotspot',
        '{"text": "Click the nucleus.", "frame_ms": 12000}',
        '{"areas": [{"shape": "circle", "x": 1.5, "y": 0.5, "radius": 0.1}]}'
    )$$,
    'IL211', null,
    'a circle centred outside the frame is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'free_text',
        '{"text": "Explain photosynthesis.", "max_length": 2000}',
        '{"rubric": []}'
    )$$,
    'IL211', null,
    'a free text key with an empty rubric is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'free_text',
        '{"text": "Explain photosynthesis.", "max_length": 2000}',
        '{"rubric": [{"criterion": "Names sugar", "points": -1}]}'
    )$$,
    'IL211', null,
    'a rubric criterion with negative points is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'poll',
        '{"text": "Did you enjoy this video?", "options": [{"id": "y", "text": "Yes"}, {"id": "n",
        "text": "No"}], "allow_multiple": false}',
        '{"correct_option_id": "y"}'
    )$$,
    'IL211', null,
    'any answer key of a poll is rejected'
);

-- Answer keys that do not match their prompt (IL212)

select throws_ok(
    $$select content.validate_question_answer_key(
        'single_choice',
        '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}',
        '{"correct_option_id": "z"}'
    )$$,
    'IL212', null,
    'a correct option that is not in the prompt is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'multiple_choice',
        '{"text": "Pick some.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
        {"id": "c", "text": "C"}]}',
        '{"correct_option_ids": ["a", "z"]}'
    )$$,
    'IL212', null,
    'a multiple choice key naming an unknown option is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": ["100"]}]}'
    )$$,
    'IL212', null,
    'a fill in the blanks key missing a blank is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'fill_in_blanks',
        '{"text": "Water boils at {{temp}} degrees at {{place}} level.", "blanks": [{"id": "temp"},
        {"id": "place"}]}',
        '{"blanks": [{"id": "temp", "accepted": ["100"]}, {"id": "place", "accepted": ["sea"]},
        {"id": "unit", "accepted": ["C"]}]}'
    )$$,
    'IL212', null,
    'a fill in the blanks key with an extra blank is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'ordering',
        '{"text": "Order the stages.", "items": [{"id": "a", "text": "Egg"}, {"id": "b",
        "text": "Larva"}, {"id": "c", "text": "Adult"}]}',
        '{"order": ["a", "b"]}'
    )$$,
    'IL212', null,
    'an order missing an item is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'ordering',
        '{"text": "Order the stages.", "items": [{"id": "a", "text": "Egg"}, {"id": "b",
        "text": "Larva"}, {"id": "c", "text": "Adult"}]}',
        '{"order": ["a", "b", "z"]}'
    )$$,
    'IL212', null,
    'an order naming an unknown item is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'matching',
        '{"text": "Match.", "left": [{"id": "l1", "text": "H2O"}, {"id": "l2", "text": "CO2"}],
        "right": [{"id": "r1", "text": "Water"}, {"id": "r2", "text": "Carbon dioxide"},
        {"id": "r3", "text": "Salt"}]}',
        '{"pairs": [{"left": "l1", "right": "r1"}]}'
    )$$,
    'IL212', null,
    'a matching key leaving a left entry unpaired is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'matching',
        '{"text": "Match.", "left": [{"id": "l1", "text": "H2O"}, {"id": "l2", "text": "CO2"}],
        "right": [{"id": "r1", "text": "Water"}, {"id": "r2", "text": "Carbon dioxide"},
        {"id": "r3", "text": "Salt"}]}',
        '{"pairs": [{"left": "l1", "right": "r1"}, {"left": "l2", "right": "r9"}]}'
    )$$,
    'IL212', null,
    'a pair naming an unknown right entry is rejected'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'matching',
        '{"text": "Match.", "left": [{"id": "l1", "text": "H2O"}, {"id": "l2", "text": "CO2"}],
        "right": [{"id": "r1", "text": "Water"}, {"id": "r2", "text": "Carbon dioxide"},
        {"id": "r3", "text": "Salt"}]}',
        '{"pairs": [{"left": "l1", "right": "r1"}, {"left": "l2", "right": "r1"}]}'
    )$$,
    'IL212', null,
    'a right entry used twice is rejected'
);

-- The tables run the validators on every write.

prepare insert_draft (content.question_type, jsonb) as
insert into content.question_versions (tenant_id, question_id, question_type, prompt, created_by)
values (
    tests.fixture_id('tenant_a'), tests.content_fixture_id('question'), $1, $2,
    tests.fixture_id('class_teacher')
);

select throws_ok(
    $$execute insert_draft('single_choice', '{"text": "Pick one.", "options": []}')$$,
    'IL210', null,
    'inserting a version with an invalid prompt is rejected'
);
select throws_ok(
    $$execute insert_draft('essay', '{"text": "Write."}')$$,
    '22P02', null,
    'inserting a version of an unknown type is rejected by the enum'
);
select lives_ok(
    $$
    execute insert_draft(
        'single_choice',
        '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}'
    )
    $$,
    'inserting a version with a valid prompt succeeds'
);
select throws_ok(
    format(
        $$
        insert into content.question_answer_keys
        values (%L, %L, 2, '{"correct": true}')
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question')
    ),
    'IL211', null,
    'inserting an answer key of the wrong shape is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.question_answer_keys
        values (%L, %L, 2, '{"correct_option_id": "z"}')
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question')
    ),
    'IL212', null,
    'inserting an answer key that names an unknown option is rejected'
);
select lives_ok(
    format(
        $$
        insert into content.question_answer_keys
        values (%L, %L, 2, '{"correct_option_id": "b"}')
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question')
    ),
    'inserting a matching answer key succeeds'
);
select throws_ok(
    format(
        $$
        update content.question_versions
        set prompt = '{"text": "Pick one.", "options": [{"id": "a", "text": "A"}, {"id": "c", "text": "C"}]}'
        where tenant_id = %L and question_id = %L and version = 2
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question')
    ),
    'IL212', null,
    'changing a draft prompt so that its answer key no longer matches is rejected'
);
select lives_ok(
    format(
        $$
        update content.question_versions
        set prompt = '{"text": "Pick one.", "options": [{"id": "b", "text": "B"}, {"id": "c", "text": "C"}]}'
        where tenant_id = %L and question_id = %L and version = 2
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question')
    ),
    'changing a draft prompt that still matches its answer key succeeds'
);
select throws_ok(
    format(
        $$
        update content.question_versions set question_type = 'poll', points = 0
        where tenant_id = %L and question_id = %L and version = 2
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question')
    ),
    'IL211', null,
    'turning a draft with an answer key into a poll is rejected'
);

-- Scoring settings

prepare set_draft_settings (numeric, numeric, smallint, jsonb, jsonb) as
update content.question_versions
set points = $1, retry_penalty_points = $2, max_attempts = $3, hints = $4, feedback = $5
where
    tenant_id = tests.fixture_id('tenant_a')
    and question_id = tests.content_fixture_id('question')
    and version = 2;

select lives_ok(
    $$
    execute set_draft_settings(
        3, 0.5, null, '["Think of what plants breathe in."]',
        '{"correct": "Well done.", "partially_correct": "Almost.", "incorrect": "Not quite."}'
    )
    $$,
    'points, a retry penalty, unlimited attempts, a hint and feedback per outcome are accepted'
);
select throws_ok(
    $$execute set_draft_settings(-1, 0, null, '[]', '{}')$$,
    '23514', null,
    'negative points are rejected'
);
select throws_ok(
    $$execute set_draft_settings(1, 2, null, '[]', '{}')$$,
    '23514', null,
    'a retry penalty above the points is rejected'
);
select throws_ok(
    $$execute set_draft_settings(1, 0, 0::smallint, '[]', '{}')$$,
    '23514', null,
    'a maximum of 0 attempts is rejected'
);
select throws_ok(
    $$execute set_draft_settings(1, 0, null, '["Look again.", 3]', '{}')$$,
    '23514', null,
    'a hint that is not a string is rejected'
);
select throws_ok(
    $$execute set_draft_settings(1, 0, null, '["  "]', '{}')$$,
    '23514', null,
    'a blank hint is rejected'
);
select throws_ok(
    $$execute set_draft_settings(1, 0, null, '[]', '{"wrong": "Try again."}')$$,
    '23514', null,
    'feedback for an unknown outcome is rejected'
);
select throws_ok(
    $$execute set_draft_settings(1, 0, null, '[]', '{"correct": 1}')$$,
    '23514', null,
    'feedback that is not a string is rejected'
);
select throws_ok(
    $$
    execute insert_draft(
        'poll',
        '{"text": "Enjoyed it?", "options": [{"id": "y", "text": "Yes"}, {"id": "n", "text": "No"}]}'
    )
    $$,
    '23514', null,
    'a poll worth points (the default of 1) is rejected'
);

select * from finish();
rollback;
