-- Keep learning.progress_events append-only: reject every update that changes an event,
-- including one that would move it to another partition.

create or replace function learning.tg_progress_events__reject_update()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception 'progress event % of % cannot be changed: the event log is append-only',
        OLD.event_id, OLD.occurred_at
        using
            errcode = 'IL319',
            hint = 'Record a new event instead.',
            schema = TG_TABLE_SCHEMA,
            table = TG_TABLE_NAME;
end
$$;

comment on function learning.tg_progress_events__reject_update() is
'Trigger function: raises IL319 for an update that changes a learning.progress_events row. An '
'update that changes occurred_at, which would move the row to another partition, is rejected '
'too, because the trigger fires on the row''s current partition before any move.';

-- A row trigger on the partitioned table is cloned to every partition, also to those that
-- ops.create_progress_event_partitions() attaches later. An update that changes nothing passes,
-- because it changes no event; ilp_app has no update privilege anyway.
create or replace trigger reject_update
before update on learning.progress_events
for each row
when (old.* is distinct from new.*)
execute function learning.tg_progress_events__reject_update();
