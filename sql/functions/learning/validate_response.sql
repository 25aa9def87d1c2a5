-- Check that a student's response has the shape its question type expects and names only
-- choices of the prompt.

create or replace function learning.validate_response(
    p_question_type content.question_type,
    p_prompt jsonb,
    p_response jsonb
)
returns void
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_known_fields text[];
    v_unknown_field text;
    v_option_ids text[];
    v_given_ids text[];
    v_max_length integer;
    v_pair jsonb;
    v_left_ids text[];
    v_right_ids text[];
    v_given_left_ids text[] := '{}';
    v_index integer := 0;
begin
    if jsonb_typeof(p_response) is distinct from 'object' then
        perform learning.raise_response_error('response', 'must be a JSON object');
    end if;

    v_known_fields := case p_question_type
        when 'single_choice' then array['option_id']
        when 'multiple_choice' then array['option_ids']
        when 'true_false' then array['value']
        when 'fill_in_blanks' then array['blanks']
        when 'numeric' then array['value']
        when 'ordering' then array['order']
        when 'matching' then array['pairs']
        when 'hotspot' then array['x', 'y']
        when 'free_text' then array['text']
        when 'poll' then array['option_ids']
    end;

    -- The jsonb minus operator drops the known keys without a query; the key is named only when
    -- one is left.
    if p_response - v_known_fields <> '{}'::jsonb then
        select k
        into v_unknown_field
        from jsonb_object_keys(p_response - v_known_fields) as k
        order by k
        limit 1;

        perform learning.raise_response_error(
            'response.' || v_unknown_field,
            format(
                'is not a field of a %s response, which has: %s',
                p_question_type, array_to_string(v_known_fields, ', ')
            )
        );
    end if;

    if p_question_type in ('single_choice', 'multiple_choice', 'poll') then
        select coalesce(array_agg(o.value ->> 'id'), '{}')
        into v_option_ids
        from jsonb_array_elements(p_prompt -> 'options') as o;
    end if;

    case p_question_type
        when 'single_choice' then
            if not (jsonb_typeof(p_response -> 'option_id') = 'string'
                and (p_response ->> 'option_id') = any(v_option_ids)) then
                perform learning.raise_response_error(
                    'response.option_id', 'must be the id of an option of the prompt'
                );
            end if;

        when 'multiple_choice', 'poll' then
            if jsonb_typeof(p_response -> 'option_ids') is distinct from 'array'
                or jsonb_path_exists(p_response, '$.option_ids[*] ? (@.type() != "string")')
            then
                perform learning.raise_response_error(
                    'response.option_ids', 'must be an array of option ids'
                );
            end if;

            select array_agg(i.value)
            into v_given_ids
            from jsonb_array_elements_text(p_response -> 'option_ids') as i;

            if not coalesce(v_option_ids @> v_given_ids, true) then
                perform learning.raise_response_error(
                    'response.option_ids', 'must contain only ids of options of the prompt'
                );
            end if;

            if cardinality(v_given_ids) <> (select count(distinct g) from unnest(v_given_ids) as g)
            then
                perform learning.raise_response_error(
                    'response.option_ids', 'must not repeat an option id'
                );
            end if;

            if p_question_type = 'poll' and coalesce(cardinality(v_given_ids), 0) = 0 then
                perform learning.raise_response_error(
                    'response.option_ids', 'must contain at least one option id'
                );
            end if;

            if
                p_question_type = 'poll'
                and not coalesce((p_prompt ->> 'allow_multiple')::boolean, false)
                and cardinality(v_given_ids) > 1
            then
                perform learning.raise_response_error(
                    'response.option_ids', 'must contain one option id: the poll allows one choice'
                );
            end if;

        when 'true_false' then
            if jsonb_typeof(p_response -> 'value') is distinct from 'boolean' then
                perform learning.raise_response_error('response.value', 'must be true or false');
            end if;

        when 'fill_in_blanks' then
            if jsonb_typeof(p_response -> 'blanks') is distinct from 'object' then
                perform learning.raise_response_error(
                    'response.blanks', 'must be an object of blank id to answer text'
                );
            end if;

            select k
            into v_unknown_field
            from jsonb_each(p_response -> 'blanks') as a (k, value)
            where
                not a.k in (
                    select b.value ->> 'id'
                    from jsonb_array_elements(p_prompt -> 'blanks') as b
                )
                or jsonb_typeof(a.value) <> 'string'
                or char_length(a.value #>> '{}') > 1000
            order by a.k
            limit 1;

            if v_unknown_field is not null then
                perform learning.raise_response_error(
                    format('response.blanks.%s', v_unknown_field),
                    'must be a blank of the prompt, answered with text of at most 1000 characters'
                );
            end if;

        when 'numeric' then
            if jsonb_typeof(p_response -> 'value') is distinct from 'number' then
                perform learning.raise_response_error('response.value', 'must be a number');
            end if;

        when 'ordering' then
            if jsonb_typeof(p_response -> 'order') is distinct from 'array'
                or jsonb_path_exists(p_response, '$.order[*] ? (@.type() != "string")')
            then
                perform learning.raise_response_error(
                    'response.order', 'must be an array of item ids'
                );
            end if;

            select array_agg(i.value ->> 'id')
            into v_option_ids
            from jsonb_array_elements(p_prompt -> 'items') as i;

            select array_agg(g.value)
            into v_given_ids
            from jsonb_array_elements_text(p_response -> 'order') as g;

            if not (
                cardinality(v_given_ids) = cardinality(v_option_ids)
                and v_given_ids @> v_option_ids
                and v_option_ids @> v_given_ids
            ) then
                perform learning.raise_response_error(
                    'response.order', 'must list every item id of the prompt exactly once'
                );
            end if;

        when 'matching' then
            if jsonb_typeof(p_response -> 'pairs') is distinct from 'array' then
                perform learning.raise_response_error(
                    'response.pairs', 'must be an array of {"left": id, "right": id} objects'
                );
            end if;

            select array_agg(l.value ->> 'id')
            into v_left_ids
            from jsonb_array_elements(p_prompt -> 'left') as l;

            select array_agg(r.value ->> 'id')
            into v_right_ids
            from jsonb_array_elements(p_prompt -> 'right') as r;

            for v_pair in select p.value from jsonb_array_elements(p_response -> 'pairs') as p loop
                if not (
                    jsonb_typeof(v_pair) = 'object'
                    and (select count(*) from jsonb_object_keys(v_pair)) = 2
                    and (v_pair ->> 'left') = any(v_left_ids)
                    and (v_pair ->> 'right') = any(v_right_ids)
                    and jsonb_typeof(v_pair -> 'left') = 'string'
                    and jsonb_typeof(v_pair -> 'right') = 'string'
                ) then
                    perform learning.raise_response_error(
                        format('response.pairs[%s]', v_index),
                        'must be {"left": <id of prompt.left>, "right": <id of prompt.right>}'
                    );
                end if;

                if (v_pair ->> 'left') = any(v_given_left_ids) then
                    perform learning.raise_response_error(
                        format('response.pairs[%s].left', v_index),
                        'must not repeat a left id of an earlier pair'
                    );
                end if;

                v_given_left_ids := v_given_left_ids || (v_pair ->> 'left');
                v_index := v_index + 1;
            end loop;

        when 'hotspot' then
            if not (
                jsonb_typeof(p_response -> 'x') = 'number'
                and jsonb_typeof(p_response -> 'y') = 'number'
                and (p_response ->> 'x')::numeric between 0 and 1
                and (p_response ->> 'y')::numeric between 0 and 1
            ) then
                perform learning.raise_response_error(
                    'response', 'must have numbers x and y from 0 to 1 (fractions of the frame)'
                );
            end if;

        when 'free_text' then
            v_max_length := coalesce((p_prompt ->> 'max_length')::integer, 20000);

            if not (
                jsonb_typeof(p_response -> 'text') = 'string'
                and (p_response ->> 'text') ~ '[^[:space:]]'
                and char_length(p_response ->> 'text') <= v_max_length
            ) then
                perform learning.raise_response_error(
                    'response.text',
                    format('must be a non-blank string of at most %s characters', v_max_length)
                );
            end if;
    end case;
end
$$;

comment on function learning.validate_response(content.question_type, jsonb, jsonb) is
'Validates a response against its question type and prompt, and raises IL323 naming the first '
'invalid field; returns nothing when the response is valid. The shapes are listed in '
'docs/learning.md.';
