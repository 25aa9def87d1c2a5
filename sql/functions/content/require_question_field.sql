-- Check one condition of a question prompt or answer key, and raise the payload error when it
-- is false or null.

create or replace function content.require_question_field(
    p_is_valid boolean,
    p_errcode text,
    p_field text,
    p_requirement text
)
returns void
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog
as $$
begin
    if p_is_valid is not true then
        perform content.raise_question_payload_error(p_errcode, p_field, p_requirement);
    end if;
end
$$;

comment on function content.require_question_field(boolean, text, text, text) is
'Raises content.raise_question_payload_error(p_errcode, p_field, p_requirement) unless '
'p_is_valid is true; a null condition counts as false.';
