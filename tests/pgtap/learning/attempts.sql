-- Answer submission and grading through learning.submit_answer() and learning.grade_attempt():
-- milestones must be watched up to, responses are checked per type, each type is auto-graded
-- with the lesson's strategies and the retry penalty, attempts stop at max_attempts, submissions
-- are idempotent by attempt id, teachers grade and override with who and when, and the grade
-- policy gives the current score.
begin;
select plan(87);

select tests.create_fixture();
select tests.create_learning_fixture();

create temporary view student_result with (security_invoker = true) as
select
    r.question_id,
    r.attempt_count,
    r.graded_count,
    r.pending_count,
    r.grade_policy,
    r.current_score,
    r.max_score
from learning.question_results as r
where r.user_id = tests.fixture_id('student');

grant select on student_result to ilp_app;

select tests.act_as('student');

-- Milestones: the one at 500 ms needs no watching, the others need the video watched up to them.

select results_eq(
    $$
    select attempt_number, status, outcome, score
    from learning.submit_answer(tests.learning_id('question_start'), 1, '{"value": true}')
    $$,
    $$values (1::smallint, 'graded'::learning.attempt_status,
        'correct'::learning.answer_outcome, 1.00::numeric)$$,
    'a milestone in the first second is answered before any watching'
);
select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_late'), 1, '{"value": true}'
    )
    $$,
    'IL322', null,
    'a milestone not watched up to raises IL322'
);

select tests.watch('student', 'video_main', 0, 31000);

select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_late'), 1, '{"value": true}'
    )
    $$,
    'IL322', null,
    'watching up to an earlier milestone does not open a later one'
);

select tests.watch('student', 'video_main', 118000, 119500);

select lives_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_late'), 1, '{"value": true}'
    )
    $$,
    'watching to within a second of the milestone opens it'
);

-- Auto-grading of each type

select results_eq(
    $$
    select attempt_number, status, outcome, score, max_score, feedback, attempts_remaining
    from learning.submit_answer(
        tests.learning_id('question_single_choice'), 1, '{"option_id": "a"}'
    )
    $$,
    $$values (1::smallint, 'graded'::learning.attempt_status,
        'incorrect'::learning.answer_outcome, 0.00::numeric, 2.00::numeric, 'Not quite.', 2)$$,
    'single choice: a wrong option scores 0 with the incorrect feedback and 2 attempts left'
);
select results_eq(
    $$
    select attempt_number, outcome, score, attempts_remaining
    from learning.submit_answer(
        tests.learning_id('question_single_choice'), 1, '{"option_id": "b"}'
    )
    $$,
    $$values (2::smallint, 'correct'::learning.answer_outcome, 1.50::numeric, 1)$$,
    'single choice: the right option on the second attempt loses one penalty of 0.5'
);
select results_eq(
    $$
    select attempt_number, outcome, score, attempts_remaining
    from learning.submit_answer(
        tests.learning_id('question_single_choice'), 1, '{"option_id": "b"}'
    )
    $$,
    $$values (3::smallint, 'correct'::learning.answer_outcome, 1.00::numeric, 0)$$,
    'single choice: the third attempt loses two penalties'
);
select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_single_choice'), 1, '{"option_id": "b"}'
    )
    $$,
    'IL324', null,
    'single choice: a fourth attempt of three raises IL324'
);
select results_eq(
    $$
    select penalty_points, auto_score, score
    from learning.question_attempts
    where question_id = tests.learning_id('question_single_choice') and attempt_number = 3
    $$,
    $$values (1.00::numeric, 1.00::numeric, 1.00::numeric)$$,
    'the attempt records the penalty it lost and its auto score'
);
select results_eq(
    $$
    select attempt_count, graded_count, pending_count, grade_policy, current_score, max_score
    from student_result where question_id = tests.learning_id('question_single_choice')
    $$,
    $$values (3::smallint, 3::smallint, 0::smallint, 'highest'::learning.grade_policy,
        1.50::numeric, 2.00::numeric)$$,
    'the result counts three graded attempts and keeps the highest score by default'
);

select
    results_eq(
        format(
            'select outcome, score from learning.submit_answer(%L, 1, %L)',
            tests.learning_id(t.question), t.response
        ),
        format(
            'values (%L::learning.answer_outcome, %s::numeric)',
            t.outcome, t.score
        ),
        t.description
    )
from (
    values
    (
        1, 'question_multiple_choice', '{"option_ids": ["c", "a"]}', 'correct', '4.00',
        'multiple choice: the exact set earns all 4 points'
    ),
    (
        2, 'question_multiple_choice', '{"option_ids": ["a"]}', 'partially_correct', '2.00',
        'multiple choice: half of the correct options earns half with partial credit'
    ),
    (
        3, 'question_multiple_choice', '{"option_ids": ["a", "b", "c", "d"]}', 'incorrect',
        '0.00', 'multiple choice: every option selected earns nothing'
    ),
    (
        4, 'question_true_false', '{"value": false}', 'incorrect', '0.00',
        'true or false: the wrong value scores 0'
    ),
    (
        5, 'question_fill_in_blanks', '{"blanks": {"capital": " paris ", "country": "france"}}',
        'partially_correct', '1.00',
        'blanks: the wrong case in the case-sensitive blank loses it'
    ),
    (
        6, 'question_fill_in_blanks', '{"blanks": {"capital": "PARIS", "country": "FR"}}',
        'correct', '2.00', 'blanks: any accepted answer, case ignored where allowed, is right'
    ),
    (
        7, 'question_numeric', '{"value": 3.15}', 'correct', '1.00',
        'numeric: a value within the tolerance is right'
    ),
    (
        8, 'question_numeric', '{"value": 3.2}', 'incorrect', '0.00',
        'numeric: a value beyond the tolerance is wrong'
    ),
    (
        9, 'question_ordering', '{"order": ["x", "w", "y", "z"]}', 'partially_correct', '5.00',
        'ordering: one swapped pair earns 5 of 6 points under the default pairwise strategy'
    ),
    (
        10, 'question_matching', '{"pairs": [{"left": "l1", "right": "r1"}]}',
        'partially_correct', '1.00', 'matching: one of two pairs earns half per pair'
    ),
    (
        11, 'question_matching',
        '{"pairs": [{"left": "l1", "right": "r1"}, {"left": "l2", "right": "r2"}]}',
        'correct', '2.00', 'matching: every pair earns full credit'
    ),
    (
        12, 'question_hotspot', '{"x": 0.55, "y": 0.5}', 'correct', '1.00',
        'hotspot: a click inside the circle is right'
    ),
    (
        13, 'question_hotspot', '{"x": 0.9, "y": 0.9}', 'incorrect', '0.00',
        'hotspot: a click outside every area is wrong'
    )
) as t (position, question, response, outcome, score, description)
order by t.position;

select results_eq(
    $$
    select status, outcome, score, max_score
    from learning.submit_answer(tests.learning_id('question_poll'), 1, '{"option_ids": ["no"]}')
    $$,
    $$values ('graded'::learning.attempt_status, null::learning.answer_outcome, 0.00::numeric,
        0.00::numeric)$$,
    'poll: the vote is recorded unscored'
);
select results_eq(
    $$
    select attempt_number, status, outcome, score, attempts_remaining
    from learning.submit_answer(
        tests.learning_id('question_free_text'), 1, '{"text": "Gravity pulls things down."}',
        '00000000-0000-7000-8000-0000000a77e1'
    )
    $$,
    $$values (1::smallint, 'needs_grading'::learning.attempt_status,
        null::learning.answer_outcome, null::numeric, null::integer)$$,
    'free text: the answer waits for a teacher'
);
select results_eq(
    $$
    select attempt_count, graded_count, pending_count, current_score
    from student_result where question_id = tests.learning_id('question_free_text')
    $$,
    $$values (1::smallint, 0::smallint, 1::smallint, null::numeric)$$,
    'free text: the result has one pending attempt and no score yet'
);

-- Idempotent submissions

select results_eq(
    $$
    select attempt_id, attempt_number, status
    from learning.submit_answer(
        tests.learning_id('question_free_text'), 1, '{"text": "Something else."}',
        '00000000-0000-7000-8000-0000000a77e1'
    )
    $$,
    $$values ('00000000-0000-7000-8000-0000000a77e1'::uuid, 1::smallint,
        'needs_grading'::learning.attempt_status)$$,
    'a submission retried with the same attempt id returns the first attempt'
);
select results_eq(
    $$
    select count(*), min(response ->> 'text')
    from learning.question_attempts
    where question_id = tests.learning_id('question_free_text')
    $$,
    $$values (1::bigint, 'Gravity pulls things down.')$$,
    'the retry made no new attempt and kept the first response'
);
select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_true_false'), 1, '{"value": true}',
        '00000000-0000-7000-8000-0000000a77e1'
    )
    $$,
    'IL325', null,
    'an attempt id of another question raises IL325'
);

-- Invalid responses

select
    throws_ok(
        format(
            'select * from learning.submit_answer(%L, 1, %L)',
            tests.learning_id(t.question), t.response
        ),
        'IL323', null,
        t.description
    )
from (
    values
    (1, 'question_single_choice', '[]', 'a response that is not an object raises IL323'),
    (2, 'question_true_false', '{"value": "yes"}', 'true or false: text raises IL323'),
    (
        3, 'question_true_false', '{"value": true, "extra": 1}',
        'an unknown field raises IL323'
    ),
    (
        4, 'question_multiple_choice', '{"option_ids": ["a", "z"]}',
        'multiple choice: an option the prompt lacks raises IL323'
    ),
    (
        5, 'question_multiple_choice', '{"option_ids": ["a", "a"]}',
        'multiple choice: a repeated option raises IL323'
    ),
    (
        6, 'question_fill_in_blanks', '{"blanks": {"city": "Paris"}}',
        'blanks: an unknown blank raises IL323'
    ),
    (
        7, 'question_fill_in_blanks', '{"blanks": {"capital": 42}}',
        'blanks: an answer that is not text raises IL323'
    ),
    (8, 'question_numeric', '{"value": "3.14"}', 'numeric: a number in text raises IL323'),
    (
        9, 'question_ordering', '{"order": ["w", "x", "y"]}',
        'ordering: a missing item raises IL323'
    ),
    (
        10, 'question_ordering', '{"order": ["w", "x", "y", "y"]}',
        'ordering: a repeated item raises IL323'
    ),
    (
        11, 'question_matching',
        '{"pairs": [{"left": "l1", "right": "r1"}, {"left": "l1", "right": "r2"}]}',
        'matching: a repeated left id raises IL323'
    ),
    (
        12, 'question_matching', '{"pairs": [{"left": "r1", "right": "l1"}]}',
        'matching: ids from the wrong side raise IL323'
    ),
    (13, 'question_hotspot', '{"x": 1.5, "y": 0.5}', 'hotspot: a point off the frame raises IL323'),
    (14, 'question_free_text', '{"text": "   "}', 'free text: blank text raises IL323'),
    (
        15, 'question_free_text', format('{"text": "%s"}', repeat('a', 201)),
        'free text: text longer than the prompt''s max_length raises IL323'
    ),
    (
        16, 'question_poll', '{"option_ids": ["yes", "no"]}',
        'poll: two options of a one-choice poll raise IL323'
    ),
    (17, 'question_poll', '{"option_ids": []}', 'poll: no option raises IL323')
) as t (position, question, response, description)
order by t.position;

-- Questions that cannot be answered

select throws_ok(
    $$select * from learning.submit_answer(gen_random_uuid(), 1, '{"value": true}')$$,
    'IL320', null,
    'an unknown question raises IL320'
);
select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_true_false'), 2, '{"value": true}'
    )
    $$,
    'IL320', null,
    'an unknown version raises IL320'
);
select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_unapproved'), 1, '{"value": true}'
    )
    $$,
    'IL321', null,
    'a draft version raises IL321'
);
select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_draft_lesson'), 1, '{"value": true}'
    )
    $$,
    'IL304', null,
    'a question of a draft lesson raises IL304'
);

select tests.act_as('other_student');

select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_start'), 1, '{"value": true}'
    )
    $$,
    'IL305', null,
    'a student of another class raises IL305'
);

select tests.act_as('class_teacher');

select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_start'), 1, '{"value": true}'
    )
    $$,
    'IL301', null,
    'a teacher cannot submit answers'
);

select tests.act_as('no_context');

select throws_ok(
    $$
    select * from learning.submit_answer(
        tests.learning_id('question_start'), 1, '{"value": true}'
    )
    $$,
    'IL300', null,
    'a submission without a request context raises IL300'
);

-- Strategies and grade policies set by the lesson's author

select tests.act_as('class_teacher');

select lives_ok(
    $$
    insert into learning.lesson_settings (tenant_id, lesson_id, ordering_strategy)
    values (tests.fixture_id('tenant_a'), tests.learning_id('lesson_published'), 'exact')
    $$,
    'the lesson''s author makes ordering questions all or nothing'
);

select tests.act_as('student');

select results_eq(
    $$
    select outcome, score from learning.submit_answer(
        tests.learning_id('question_ordering'), 1, '{"order": ["x", "w", "y", "z"]}'
    )
    $$,
    $$values ('incorrect'::learning.answer_outcome, 0.00::numeric)$$,
    'ordering: one swapped pair earns nothing under the exact strategy'
);

select tests.act_as('class_teacher');

update learning.lesson_settings set grade_policy = 'latest'
where lesson_id = tests.learning_id('lesson_published');

select results_eq(
    $$
    select grade_policy, current_score from student_result
    where question_id = tests.learning_id('question_single_choice')
    $$,
    $$values ('latest'::learning.grade_policy, 1.00::numeric)$$,
    'policy latest: the current score becomes the last attempt''s'
);

select tests.act_as('student');

select is(
    (
        select r.score from learning.submit_answer(
            tests.learning_id('question_numeric'), 1, '{"value": 3.15}'
        ) as r
    ),
    1.00::numeric,
    'numeric: a third attempt is right'
);
select results_eq(
    $$
    select attempt_count, current_score from student_result
    where question_id = tests.learning_id('question_numeric')
    $$,
    $$values (3::smallint, 1.00::numeric)$$,
    'policy latest: a new graded attempt becomes the current score'
);

select tests.act_as('class_teacher');

update learning.lesson_settings set grade_policy = 'first'
where lesson_id = tests.learning_id('lesson_published');

select is(
    (
        select current_score from student_result
        where question_id = tests.learning_id('question_single_choice')
    ),
    0.00::numeric,
    'policy first: the current score becomes the first attempt''s'
);

select tests.act_as('student');

select learning.submit_answer(tests.learning_id('question_numeric'), 1, '{"value": 3.2}');

select results_eq(
    $$
    select attempt_count, current_score from student_result
    where question_id = tests.learning_id('question_numeric')
    $$,
    $$values (4::smallint, 1.00::numeric)$$,
    'policy first: a new wrong attempt leaves the first graded score'
);

select tests.act_as('class_teacher');

update learning.lesson_settings set grade_policy = 'average'
where lesson_id = tests.learning_id('lesson_published');

select is(
    (
        select current_score from student_result
        where question_id = tests.learning_id('question_single_choice')
    ),
    0.83::numeric,
    'policy average: the current score becomes the mean of 0, 1.5 and 1, rounded'
);
select is(
    (
        select current_score from student_result
        where question_id = tests.learning_id('question_multiple_choice')
    ),
    2.00::numeric,
    'policy average: every result of the lesson is recomputed'
);

select tests.act_as('student');

select learning.submit_answer(tests.learning_id('question_numeric'), 1, '{"value": 3.2}');

select results_eq(
    $$
    select attempt_count, current_score from student_result
    where question_id = tests.learning_id('question_numeric')
    $$,
    $$values (5::smallint, 0.40::numeric)$$,
    'policy average: a new attempt recomputes the mean of 1, 0, 1, 0 and 0'
);

select tests.act_as('class_teacher');

update learning.lesson_settings set grade_policy = 'highest'
where lesson_id = tests.learning_id('lesson_published');

select is(
    (
        select current_score from student_result
        where question_id = tests.learning_id('question_single_choice')
    ),
    1.50::numeric,
    'policy highest: the current score becomes the best attempt''s'
);

-- Teachers grade and override

select results_eq(
    $$
    select status, score, feedback, graded_by
    from learning.grade_attempt('00000000-0000-7000-8000-0000000a77e1', 4.5, 'Good start.')
    $$,
    $$values ('graded'::learning.attempt_status, 4.50::numeric, 'Good start.',
        tests.fixture_id('class_teacher'))$$,
    'the class teacher grades the free-text answer'
);
select results_eq(
    $$
    select score, previous_score, feedback, graded_by, graded_at = now()
    from learning.attempt_grades
    where attempt_id = '00000000-0000-7000-8000-0000000a77e1'
    $$,
    $$values (4.50::numeric, null::numeric, 'Good start.', tests.fixture_id('class_teacher'),
        true)$$,
    'the grade is recorded with who gave it and when'
);
select results_eq(
    $$
    select attempt_count, graded_count, pending_count, current_score
    from student_result where question_id = tests.learning_id('question_free_text')
    $$,
    $$values (1::smallint, 1::smallint, 0::smallint, 4.50::numeric)$$,
    'the graded answer gives the result its score'
);

select id as first_single_choice_attempt
from learning.question_attempts
where question_id = tests.learning_id('question_single_choice') and attempt_number = 1
\gset

select results_eq(
    format(
        'select auto_score, score, graded_by from learning.grade_attempt(%L, 2, null)',
        :'first_single_choice_attempt'
    ),
    $$values (0.00::numeric, 2.00::numeric, tests.fixture_id('class_teacher'))$$,
    'the teacher overrides an auto-graded score, which the attempt keeps beside it'
);
select results_eq(
    format(
        $$
        select score, previous_score from learning.attempt_grades
        where attempt_id = %L
        $$,
        :'first_single_choice_attempt'
    ),
    $$values (2.00::numeric, 0.00::numeric)$$,
    'the override records the score it replaced'
);
select is(
    (
        select feedback from learning.question_attempts
        where id = :'first_single_choice_attempt'
    ),
    'Not quite.',
    'an override without feedback keeps the attempt''s feedback'
);
select is(
    (
        select current_score from student_result
        where question_id = tests.learning_id('question_single_choice')
    ),
    2.00::numeric,
    'the override changes the current score under the grade policy'
);
select throws_ok(
    format('select learning.grade_attempt(%L, 2.5)', :'first_single_choice_attempt'),
    'IL332', null,
    'a score above the maximum raises IL332'
);
select throws_ok(
    format('select learning.grade_attempt(%L, -1)', :'first_single_choice_attempt'),
    'IL332', null,
    'a negative score raises IL332'
);
select throws_ok(
    format('select learning.grade_attempt(%L, 1.255)', :'first_single_choice_attempt'),
    'IL332', null,
    'a score with three decimal places raises IL332'
);
select throws_ok(
    format('select learning.grade_attempt(%L, null)', :'first_single_choice_attempt'),
    'IL332', null,
    'a missing score raises IL332'
);
select throws_ok(
    'select learning.grade_attempt(gen_random_uuid(), 1)',
    'IL330', null,
    'an unknown attempt raises IL330'
);

select tests.act_as('other_teacher');

select throws_ok(
    format('select learning.grade_attempt(%L, 1)', :'first_single_choice_attempt'),
    'IL331', null,
    'a teacher of another class raises IL331'
);

select tests.act_as('student');

select throws_ok(
    format('select learning.grade_attempt(%L, 2)', :'first_single_choice_attempt'),
    'IL301', null,
    'a student cannot grade'
);

select tests.act_as('other_tenant_admin');

select throws_ok(
    format('select learning.grade_attempt(%L, 1)', :'first_single_choice_attempt'),
    'IL330', null,
    'the admin of another tenant does not find the attempt'
);

select tests.act_as('admin');

select lives_ok(
    format('select learning.grade_attempt(%L, 1.75, %L)', :'first_single_choice_attempt', 'Fair.'),
    'the tenant''s admin overrides a grade'
);
select results_eq(
    format(
        $$
        select count(*), max(previous_score), (array_agg(graded_by order by graded_at, id))[2]
        from learning.attempt_grades where attempt_id = %L
        $$,
        :'first_single_choice_attempt'
    ),
    $$values (2::bigint, 2.00::numeric, tests.fixture_id('admin'))$$,
    'every override is kept in the history with its grader'
);

-- Who reads attempts, grades and results

select tests.act_as('student');

select is(
    (
        select count(*) from learning.attempt_grades as g
        where g.attempt_id = :'first_single_choice_attempt'
    ),
    2::bigint,
    'the student reads the grades of their attempt'
);

select tests.act_as('class_teacher');

select cmp_ok(
    (
        select count(*) from learning.question_attempts as a
        where a.user_id = tests.fixture_id('student')
    ),
    '>',
    20::bigint,
    'the class teacher reads the student''s attempts'
);

select tests.act_as('other_teacher');

select is(
    (
        select count(*) from learning.question_attempts as a
        where a.user_id = tests.fixture_id('student')
    ),
    0::bigint,
    'a teacher of another class reads none of them'
);
select is(
    (select count(*) from learning.attempt_grades),
    0::bigint,
    'a teacher of another class reads no grade'
);

select tests.act_as('other_student');

select is(
    (select count(*) from learning.question_results),
    0::bigint,
    'another student reads no result'
);

-- Control: the filter is active, because the owner sees more attempts than other_student.
select cmp_ok(
    tests.count_visible_rows('owner', 'learning.question_attempts'),
    '>',
    tests.count_visible_rows('other_student', 'learning.question_attempts'),
    'the owner sees more attempts than other_student'
);

select * from finish();
rollback;
