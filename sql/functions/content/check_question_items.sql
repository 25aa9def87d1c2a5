-- Check a list of choices of a question prompt (options, items, or one side of a matching
-- question) and return their ids in order.

create or replace function content.check_question_items(
    p_field text,
    p_items jsonb,
    p_min_count integer
)
returns text[]
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_item jsonb;
    v_index integer := 0;
    v_item_field text;
    v_ids text[] := '{}';
begin
    perform content.require_question_field(
        jsonb_typeof(p_items) = 'array'
        and jsonb_array_length(p_items) between p_min_count and 50,
        'IL210',
        p_field,
        format('must be an array of %s to 50 choices', p_min_count)
    );

    for v_item in select e.value from jsonb_array_elements(p_items) as e loop
        v_item_field := format('%s[%s]', p_field, v_index);

        perform content.require_question_field(
            jsonb_typeof(v_item) = 'object', 'IL210', v_item_field, 'must be an object'
        );
        perform content.require_known_question_fields(
            'IL210', v_item_field, v_item, array['id', 'text']
        );
        perform content.require_question_field(
            jsonb_typeof(v_item -> 'id') = 'string'
            and (v_item ->> 'id') ~ '^[A-Za-z0-9_-]{1,64}$',
            'IL210',
            v_item_field || '.id',
            'must be a string of 1 to 64 letters, digits, - or _'
        );
        perform content.require_question_field(
            jsonb_typeof(v_item -> 'text') = 'string'
            and (v_item ->> 'text') ~ '[^[:space:]]'
            and char_length(v_item ->> 'text') <= 1000,
            'IL210',
            v_item_field || '.text',
            'must be a non-blank string of at most 1000 characters'
        );
        perform content.require_question_field(
            not (v_item ->> 'id') = any(v_ids),
            'IL210',
            v_item_field || '.id',
            format('must differ from the ids of the earlier entries of %s', p_field)
        );

        v_ids := v_ids || (v_item ->> 'id');
        v_index := v_index + 1;
    end loop;

    return v_ids;
end
$$;

comment on function content.check_question_items(text, jsonb, integer) is
'Checks that p_items, found at p_field of a prompt, is an array of p_min_count to 50 objects '
'{"id": "...", "text": "..."} with unique ids, raising IL210 otherwise, and returns the ids in '
'order.';
