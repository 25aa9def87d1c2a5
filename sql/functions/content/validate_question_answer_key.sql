-- Validate the answer key of a question against its type and prompt, raising an error that names
-- the first invalid field. Only the owner may run it: a function that reports whether a guessed key
-- is valid would let a student probe for the answer.

create or replace function content.validate_question_answer_key(
    p_question_type text,
    p_prompt jsonb,
    p_answer_key jsonb
)
returns void
language plpgsql
stable
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_ids text[];
    v_key_ids text[];
    v_element jsonb;
    v_field text;
    v_index integer := 0;
    v_prompt_blank_ids text[];
    v_left_ids text[];
    v_right_ids text[];
    v_key_left_ids text[] := '{}';
    v_key_right_ids text[] := '{}';
begin
    -- Raises IL213 for an unknown type and IL210 for an invalid prompt, so the checks below can
    -- rely on the prompt's shape.
    perform content.validate_question_prompt(p_question_type, p_prompt);

    if p_question_type = 'poll' then
        perform content.raise_question_payload_error(
            'IL211', 'answer_key', 'must not exist: poll questions are unscored'
        );
    end if;

    perform content.require_question_field(
        jsonb_typeof(p_answer_key) = 'object', 'IL211', 'answer_key', 'must be a JSON object'
    );

    perform content.require_known_question_fields(
        'IL211',
        'answer_key',
        p_answer_key,
        case p_question_type
            when 'single_choice' then array['correct_option_id']
            when 'multiple_choice' then array['correct_option_ids', 'partial_credit']
            when 'true_false' then array['correct']
            when 'fill_in_blanks' then array['blanks']
            when 'numeric' then array['value', 'tolerance']
            when 'ordering' then array['order']
            when 'matching' then array['pairs']
            when 'hotspot' then array['areas']
            when 'free_text' then array['rubric', 'model_answer']
        end
    );

    case p_question_type
        when 'single_choice' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'correct_option_id') = 'string',
                'IL211',
                'answer_key.correct_option_id',
                'must be a string'
            );
            select coalesce(array_agg(o.value ->> 'id'), '{}')
            into v_ids
            from jsonb_array_elements(p_prompt -> 'options') as o;

            perform content.require_question_field(
                (p_answer_key ->> 'correct_option_id') = any(v_ids),
                'IL212',
                'answer_key.correct_option_id',
                'must be the id of an entry of prompt.options'
            );

        when 'multiple_choice' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'correct_option_ids') = 'array'
                and jsonb_array_length(p_answer_key -> 'correct_option_ids') >= 1,
                'IL211',
                'answer_key.correct_option_ids',
                'must be an array of at least one option id'
            );
            perform content.require_question_field(
                not jsonb_path_exists(
                    p_answer_key, '$.correct_option_ids[*] ? (@.type() != "string")'
                ),
                'IL211',
                'answer_key.correct_option_ids',
                'must contain strings only'
            );
            select array_agg(c.value order by c.ordinality)
            into v_key_ids
            from jsonb_array_elements_text(p_answer_key -> 'correct_option_ids')
                with ordinality as c (value, ordinality);

            perform content.require_question_field(
                cardinality(v_key_ids) = (select count(distinct k) from unnest(v_key_ids) as k),
                'IL211',
                'answer_key.correct_option_ids',
                'must not repeat an option id'
            );
            perform content.require_question_field(
                coalesce(jsonb_typeof(p_answer_key -> 'partial_credit'), 'boolean') = 'boolean',
                'IL211',
                'answer_key.partial_credit',
                'must be a boolean when present'
            );

            select coalesce(array_agg(o.value ->> 'id'), '{}')
            into v_ids
            from jsonb_array_elements(p_prompt -> 'options') as o;

            perform content.require_question_field(
                v_ids @> v_key_ids,
                'IL212',
                'answer_key.correct_option_ids',
                'must contain only ids of entries of prompt.options'
            );

        when 'true_false' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'correct') = 'boolean',
                'IL211',
                'answer_key.correct',
                'must be a boolean'
            );

        when 'fill_in_blanks' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'blanks') = 'array',
                'IL211',
                'answer_key.blanks',
                'must be an array with one entry per blank of the prompt'
            );

            v_key_ids := '{}';
            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'blanks') as e
            loop
                v_field := format('answer_key.blanks[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object', 'IL211', v_field, 'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL211', v_field, v_element, array['id', 'accepted', 'case_sensitive']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'id') = 'string',
                    'IL211',
                    v_field || '.id',
                    'must be a string'
                );
                perform content.require_question_field(
                    not (v_element ->> 'id') = any(v_key_ids),
                    'IL211',
                    v_field || '.id',
                    'must differ from the ids of the earlier entries of answer_key.blanks'
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'accepted') = 'array'
                    and jsonb_array_length(v_element -> 'accepted') between 1 and 50,
                    'IL211',
                    v_field || '.accepted',
                    'must be an array of 1 to 50 accepted answers'
                );
                perform content.require_question_field(
                    not jsonb_path_exists(
                        v_element,
                        '$.accepted[*] ? (@.type() != "string" || !(@ like_regex "[^[:space:]]"))'
                    ),
                    'IL211',
                    v_field || '.accepted',
                    'must contain non-blank strings only'
                );
                perform content.require_question_field(
                    jsonb_array_length(v_element -> 'accepted') = (
                        select count(distinct a.value)
                        from jsonb_array_elements_text(v_element -> 'accepted') as a
                    ),
                    'IL211',
                    v_field || '.accepted',
                    'must not repeat an accepted answer'
                );
                perform content.require_question_field(
                    coalesce(jsonb_typeof(v_element -> 'case_sensitive'), 'boolean') = 'boolean',
                    'IL211',
                    v_field || '.case_sensitive',
                    'must be a boolean when present'
                );

                v_key_ids := v_key_ids || (v_element ->> 'id');
                v_index := v_index + 1;
            end loop;

            select coalesce(array_agg(b.value ->> 'id'), '{}')
            into v_prompt_blank_ids
            from jsonb_array_elements(p_prompt -> 'blanks') as b;

            perform content.require_question_field(
                cardinality(v_key_ids) = cardinality(v_prompt_blank_ids)
                and v_key_ids @> v_prompt_blank_ids,
                'IL212',
                'answer_key.blanks',
                'must have exactly one entry for each blank of prompt.blanks'
            );

        when 'numeric' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'value') = 'number',
                'IL211',
                'answer_key.value',
                'must be a number'
            );
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'tolerance') = 'number',
                'IL211',
                'answer_key.tolerance',
                'must be a number'
            );
            perform content.require_question_field(
                (p_answer_key ->> 'tolerance')::numeric >= 0,
                'IL211',
                'answer_key.tolerance',
                'must not be negative'
            );

        when 'ordering' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'order') = 'array'
                and not jsonb_path_exists(p_answer_key, '$.order[*] ? (@.type() != "string")'),
                'IL211',
                'answer_key.order',
                'must be an array of item ids'
            );
            select coalesce(array_agg(o.value), '{}')
            into v_key_ids
            from jsonb_array_elements_text(p_answer_key -> 'order') as o;

            perform content.require_question_field(
                cardinality(v_key_ids) = (select count(distinct k) from unnest(v_key_ids) as k),
                'IL211',
                'answer_key.order',
                'must not repeat an item id'
            );

            select coalesce(array_agg(i.value ->> 'id'), '{}')
            into v_ids
            from jsonb_array_elements(p_prompt -> 'items') as i;

            perform content.require_question_field(
                cardinality(v_key_ids) = cardinality(v_ids) and v_key_ids @> v_ids,
                'IL212',
                'answer_key.order',
                'must list every id of prompt.items exactly once'
            );

        when 'matching' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'pairs') = 'array',
                'IL211',
                'answer_key.pairs',
                'must be an array with one pair per entry of prompt.left'
            );

            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'pairs') as e
            loop
                v_field := format('answer_key.pairs[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object', 'IL211', v_field, 'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL211', v_field, v_element, array['left', 'right']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'left') = 'string',
                    'IL211',
                    v_field || '.left',
                    'must be a string'
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'right') = 'string',
                    'IL211',
                    v_field || '.right',
                    'must be a string'
                );

                v_key_left_ids := v_key_left_ids || (v_element ->> 'left');
                v_key_right_ids := v_key_right_ids || (v_element ->> 'right');
                v_index := v_index + 1;
            end loop;

            select coalesce(array_agg(l.value ->> 'id'), '{}')
            into v_left_ids
            from jsonb_array_elements(p_prompt -> 'left') as l;

            select coalesce(array_agg(r.value ->> 'id'), '{}')
            into v_right_ids
            from jsonb_array_elements(p_prompt -> 'right') as r;

            perform content.require_question_field(
                cardinality(v_key_left_ids) = cardinality(v_left_ids)
                and v_key_left_ids @> v_left_ids,
                'IL212',
                'answer_key.pairs',
                'must pair every id of prompt.left exactly once'
            );
            perform content.require_question_field(
                v_right_ids @> v_key_right_ids,
                'IL212',
                'answer_key.pairs',
                'must use only ids of prompt.right as right'
            );
            perform content.require_question_field(
                cardinality(v_key_right_ids)
                = (select count(distinct k) from unnest(v_key_right_ids) as k),
                'IL212',
                'answer_key.pairs',
                'must use each id of prompt.right at most once'
            );

        when 'hotspot' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'areas') = 'array'
                and jsonb_array_length(p_answer_key -> 'areas') between 1 and 20,
                'IL211',
                'answer_key.areas',
                'must be an array of 1 to 20 areas'
            );

            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'areas') as e
            loop
                v_field := format('answer_key.areas[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object'
                    and v_element ->> 'shape' in ('rectangle', 'circle'),
                    'IL211',
                    v_field || '.shape',
                    'must be rectangle or circle'
                );

                if v_element ->> 'shape' = 'rectangle' then
                    perform content.require_known_question_fields(
                        'IL211', v_field, v_element, array['shape', 'x', 'y', 'width', 'height']
                    );
                    -- (x, y) is the top-left corner; the rectangle lies inside the frame.
                    perform content.require_question_field(
                        jsonb_typeof(v_element -> 'x') = 'number'
                        and jsonb_typeof(v_element -> 'y') = 'number'
                        and jsonb_typeof(v_element -> 'width') = 'number'
                        and jsonb_typeof(v_element -> 'height') = 'number'
                        and (v_element ->> 'x')::numeric >= 0
                        and (v_element ->> 'y')::numeric >= 0
                        and (v_element ->> 'width')::numeric > 0
                        and (v_element ->> 'height')::numeric > 0
                        and (v_element ->> 'x')::numeric + (v_element ->> 'width')::numeric <= 1
                        and (v_element ->> 'y')::numeric + (v_element ->> 'height')::numeric <= 1,
                        'IL211',
                        v_field,
                        'must have numbers x, y >= 0 and width, height > 0 with x + width <= 1 '
                        'and y + height <= 1'
                    );
                else
                    perform content.require_known_question_fields(
                        'IL211', v_field, v_element, array['shape', 'x', 'y', 'radius']
                    );
                    perform content.require_question_field(
                        jsonb_typeof(v_element -> 'x') = 'number'
                        and jsonb_typeof(v_element -> 'y') = 'number'
                        and jsonb_typeof(v_element -> 'radius') = 'number'
                        and (v_element ->> 'x')::numeric between 0 and 1
                        and (v_element ->> 'y')::numeric between 0 and 1
                        and (v_element ->> 'radius')::numeric > 0
                        and (v_element ->> 'radius')::numeric <= 1,
                        'IL211',
                        v_field,
                        'must have a centre x, y between 0 and 1 and a radius above 0, at most 1'
                    );
                end if;

                v_index := v_index + 1;
            end loop;

        when 'free_text' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'rubric') = 'array'
                and jsonb_array_length(p_answer_key -> 'rubric') between 1 and 20,
                'IL211',
                'answer_key.rubric',
                'must be an array of 1 to 20 criteria'
            );

            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'rubric') as e
            loop
                v_field := format('answer_key.rubric[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object', 'IL211', v_field, 'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL211', v_field, v_element, array['criterion', 'points']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'criterion') = 'string'
                    and (v_element ->> 'criterion') ~ '[^[:space:]]'
                    and char_length(v_element ->> 'criterion') <= 1000,
                    'IL211',
                    v_field || '.criterion',
                    'must be a non-blank string of at most 1000 characters'
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'points') = 'number'
                    and (v_element ->> 'points')::numeric >= 0,
                    'IL211',
                    v_field || '.points',
                    'must be a number of at least 0'
                );

                v_index := v_index + 1;
            end loop;

            perform content.require_question_field(
                p_answer_key -> 'model_answer' is null
                or (
                    jsonb_typeof(p_answer_key -> 'model_answer') = 'string'
                    and char_length(p_answer_key ->> 'model_answer') <= 20000
                ),
                'IL211',
                'answer_key.model_answer',
                'must be a string of at most 20000 characters when present'
            );
    end case;
end
$$;

comment on function content.validate_question_answer_key(text, jsonb, jsonb) is
'Validates the answer key of a question of the given type against its prompt. Raises IL213 '
'(unknown type), IL210 (invalid prompt), IL211 (invalid key) or IL212 (key does not match the '
'prompt), naming the field but never its value; returns nothing when the key is valid. '
'Executable by the owner only, so students cannot probe keys with it.';

revoke execute on function content.validate_question_answer_key(text, jsonb, jsonb) from public;
