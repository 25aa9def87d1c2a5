-- Keep the history of question status changes append-only, for the owner too.

create or replace function content.tg_question_transitions__reject_changes()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
begin
    raise exception 'content.question_transitions is append-only: % is not allowed', TG_OP
        using
            errcode = 'IL225',
            hint = 'A status change is undone by a new transition, where one is legal.',
            schema = TG_TABLE_SCHEMA,
            table = TG_TABLE_NAME;
end
$$;

comment on function content.tg_question_transitions__reject_changes() is
'Trigger function: raises IL225 for every update or delete of content.question_transitions.';

create or replace trigger reject_changes
before update or delete on content.question_transitions
for each row
execute function content.tg_question_transitions__reject_changes();
