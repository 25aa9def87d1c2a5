-- Reject fields that a question prompt or answer key does not define, so that a misspelt field
-- is not silently ignored and nothing answer-like slips into a student-facing prompt.

create or replace function content.require_known_question_fields(
    p_errcode text,
    p_field text,
    p_object jsonb,
    p_known_fields text[]
)
returns void
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_unknown_field text;
begin
    select o.key
    into v_unknown_field
    from jsonb_object_keys(p_object) as o (key)
    where not o.key = any(p_known_fields)
    order by o.key
    limit 1;

    if v_unknown_field is null then
        return;
    end if;

    -- Field names of a prompt are public and help the author. Those of an answer key are not
    -- echoed: an author could have typed an answer as a field name.
    if p_errcode = 'IL210' then
        perform content.raise_question_payload_error(
            p_errcode,
            p_field,
            format(
                'has the unknown field %s; the known fields are %s',
                v_unknown_field, array_to_string(p_known_fields, ', ')
            )
        );
    else
        perform content.raise_question_payload_error(
            p_errcode,
            p_field,
            format(
                'has a field other than %s', array_to_string(p_known_fields, ', ')
            )
        );
    end if;
end
$$;

comment on function content.require_known_question_fields(text, text, jsonb, text[]) is
'Raises the payload error p_errcode when the JSON object p_object has a key outside '
'p_known_fields. The message names the unknown key for a prompt (IL210) only.';
