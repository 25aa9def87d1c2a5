-- Validate the student-facing prompt of a question, raising an error that names the first
-- invalid field. The JSON shape of each type is documented in docs/content.md.

create or replace function content.validate_question_prompt(
    p_question_type text,
    p_prompt jsonb
)
returns void
language plpgsql
stable
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_known_fields text[];
    v_blank jsonb;
    v_blank_ids text[] := '{}';
    v_placeholders text[];
    v_index integer := 0;
    v_left_ids text[];
    v_right_ids text[];
begin
    -- The type is text rather than content.question_type so that an editor can check raw input
    -- before casting it.
    if
        p_question_type is null
        or not p_question_type = any(enum_range(null::content.question_type)::text [])
    then
        raise exception 'unknown question type %', coalesce(quote_literal(p_question_type), 'null')
            using
                errcode = 'IL213',
                hint = format(
                    'Use one of: %s.',
                    array_to_string(enum_range(null::content.question_type)::text [], ', ')
                );
    end if;

    perform content.require_question_field(
        jsonb_typeof(p_prompt) = 'object', 'IL210', 'prompt', 'must be a JSON object'
    );

    v_known_fields := case p_question_type
        when 'single_choice' then array['text', 'options', 'shuffle']
        when 'multiple_choice' then array['text', 'options', 'shuffle']
        when 'true_false' then array['text']
        when 'fill_in_blanks' then array['text', 'blanks']
        when 'numeric' then array['text', 'unit']
        when 'ordering' then array['text', 'items']
        when 'matching' then array['text', 'left', 'right']
        when 'hotspot' then array['text', 'frame_ms']
        when 'free_text' then array['text', 'max_length']
        when 'poll' then array['text', 'options', 'allow_multiple']
    end;

    perform content.require_known_question_fields('IL210', 'prompt', p_prompt, v_known_fields);

    perform content.require_question_field(
        jsonb_typeof(p_prompt -> 'text') = 'string'
        and (p_prompt ->> 'text') ~ '[^[:space:]]'
        and char_length(p_prompt ->> 'text') <= 5000,
        'IL210',
        'prompt.text',
        'must be a non-blank string of at most 5000 characters'
    );

    case p_question_type
        when 'single_choice', 'multiple_choice', 'poll' then
            perform content.check_question_items('prompt.options', p_prompt -> 'options', 2);

            perform content.require_question_field(
                coalesce(jsonb_typeof(p_prompt -> 'shuffle'), 'boolean') = 'boolean',
                'IL210',
                'prompt.shuffle',
                'must be a boolean when present'
            );
            perform content.require_question_field(
                coalesce(jsonb_typeof(p_prompt -> 'allow_multiple'), 'boolean') = 'boolean',
                'IL210',
                'prompt.allow_multiple',
                'must be a boolean when present'
            );

        when 'true_false' then
            null;

        when 'fill_in_blanks' then
            perform content.require_question_field(
                jsonb_typeof(p_prompt -> 'blanks') = 'array'
                and jsonb_array_length(p_prompt -> 'blanks') between 1 and 20,
                'IL210',
                'prompt.blanks',
                'must be an array of 1 to 20 blanks'
            );

            for v_blank in select e.value from jsonb_array_elements(p_prompt -> 'blanks') as e loop
                perform content.require_question_field(
                    jsonb_typeof(v_blank) = 'object',
                    'IL210',
                    format('prompt.blanks[%s]', v_index),
                    'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL210', format('prompt.blanks[%s]', v_index), v_blank, array['id']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_blank -> 'id') = 'string'
                    and (v_blank ->> 'id') ~ '^[A-Za-z0-9_-]{1,64}$',
                    'IL210',
                    format('prompt.blanks[%s].id', v_index),
                    'must be a string of 1 to 64 letters, digits, - or _'
                );
                perform content.require_question_field(
                    not (v_blank ->> 'id') = any(v_blank_ids),
                    'IL210',
                    format('prompt.blanks[%s].id', v_index),
                    'must differ from the ids of the earlier blanks'
                );
                v_blank_ids := v_blank_ids || (v_blank ->> 'id');
                v_index := v_index + 1;
            end loop;

            -- Each blank appears in the text exactly once, as {{id}}, and the text has no other
            -- placeholder.
            select coalesce(array_agg(m.match[1]), '{}')
            into v_placeholders
            from regexp_matches(p_prompt ->> 'text', '\{\{([^{}]*)\}\}', 'g') as m (match);

            perform content.require_question_field(
                cardinality(v_placeholders) = cardinality(v_blank_ids)
                and v_placeholders @> v_blank_ids,
                'IL210',
                'prompt.text',
                'must contain each blank of prompt.blanks exactly once as {{id}}, and no other '
                '{{...}} placeholder'
            );

        when 'numeric' then
            perform content.require_question_field(
                p_prompt -> 'unit' is null
                or (
                    jsonb_typeof(p_prompt -> 'unit') = 'string'
                    and (p_prompt ->> 'unit') ~ '[^[:space:]]'
                    and char_length(p_prompt ->> 'unit') <= 50
                ),
                'IL210',
                'prompt.unit',
                'must be a non-blank string of at most 50 characters when present'
            );

        when 'ordering' then
            perform content.check_question_items('prompt.items', p_prompt -> 'items', 2);

        when 'matching' then
            v_left_ids := content.check_question_items('prompt.left', p_prompt -> 'left', 2);
            v_right_ids := content.check_question_items('prompt.right', p_prompt -> 'right', 2);

            perform content.require_question_field(
                cardinality(v_right_ids) >= cardinality(v_left_ids),
                'IL210',
                'prompt.right',
                'must have at least as many entries as prompt.left, because every left entry '
                'is matched to a different right entry'
            );
            perform content.require_question_field(
                not v_left_ids && v_right_ids,
                'IL210',
                'prompt.right',
                'must use ids that differ from those of prompt.left'
            );

        when 'hotspot' then
            perform content.require_question_field(
                jsonb_typeof(p_prompt -> 'frame_ms') = 'number'
                and (p_prompt ->> 'frame_ms')::numeric between 0 and 2147483647
                and (p_prompt ->> 'frame_ms')::numeric % 1 = 0,
                'IL210',
                'prompt.frame_ms',
                'must be a whole number of milliseconds from 0 into the video'
            );

        when 'free_text' then
            perform content.require_question_field(
                p_prompt -> 'max_length' is null
                or (
                    jsonb_typeof(p_prompt -> 'max_length') = 'number'
                    and (p_prompt ->> 'max_length')::numeric between 1 and 20000
                    and (p_prompt ->> 'max_length')::numeric % 1 = 0
                ),
                'IL210',
                'prompt.max_length',
                'must be a whole number from 1 to 20000 when present'
            );
    end case;
end
$$;

comment on function content.validate_question_prompt(text, jsonb) is
'Validates the prompt of a question of the given type (a content.question_type value as text). '
'Raises IL213 for an unknown type and IL210, naming the first invalid field, for an invalid '
'prompt; returns nothing when the prompt is valid. Students may call it: a prompt holds no '
'answer.';

grant execute on function content.validate_question_prompt(text, jsonb) to ilp_app;
