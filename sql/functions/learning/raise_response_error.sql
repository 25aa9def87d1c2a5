-- Raise the error of an invalid answer, naming the field and what it must be.

create or replace function learning.raise_response_error(p_field text, p_requirement text)
returns void
language plpgsql
-- Volatile, although it reads nothing: the planner evaluates an immutable call with constant
-- arguments while planning, which would raise the error in a branch that never runs.
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception 'invalid response: % %', p_field, p_requirement
        using
            errcode = 'IL323',
            hint = 'The response shape of each question type is listed in docs/learning.md.';
end
$$;

comment on function learning.raise_response_error(text, text) is
'Raises IL323 with the message "invalid response: <field> <requirement>". Never returns.';
