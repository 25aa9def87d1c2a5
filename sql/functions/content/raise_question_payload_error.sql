-- Raise the error of an invalid question prompt or answer key, naming the field but never its
-- value, so that the message cannot reveal an answer key.

create or replace function content.raise_question_payload_error(
    p_errcode text,
    p_field text,
    p_requirement text
)
returns void
language plpgsql
-- Volatile, although it reads nothing: the planner evaluates an immutable call with constant
-- arguments while planning, which would raise the error in a branch that never runs.
volatile
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_problem text;
begin
    v_problem := case p_errcode
        when 'IL210' then 'invalid question prompt'
        when 'IL211' then 'invalid answer key'
        when 'IL212' then 'answer key does not match the prompt'
        else 'invalid question payload'
    end;

    raise exception '%: % %', v_problem, p_field, p_requirement
        using
            errcode = p_errcode,
            hint = 'Correct the field; docs/content.md gives the JSON shape of each question '
            'type.',
            column = case when p_field like 'answer_key%' then 'answer_key' else 'prompt' end;
end
$$;

comment on function content.raise_question_payload_error(text, text, text) is
'Raises an error with SQLSTATE p_errcode (IL210 invalid prompt, IL211 invalid answer key, IL212 '
'key does not match the prompt) and the message "<problem>: <field> <requirement>". Callers pass '
'field paths and requirements, never values from the payload.';
