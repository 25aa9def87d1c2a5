-- Run every periodic maintenance task of the database once; `ilp-db maintain` calls it.

-- Security definer for the same reason as the tasks it calls: the objects it creates belong to
-- ilp_owner, whichever role runs it.
create or replace function ops.run_maintenance()
returns table (task text, detail text)
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return query
    select p.task, p.detail
    from ops.create_progress_event_partitions() as p;
end
$$;

comment on function ops.run_maintenance() is
'Runs the maintenance tasks once and returns one row (task, detail) per action taken, none when '
'there was nothing to do: for now, creating the partitions of learning.progress_events from the '
'previous month to 3 months ahead. Safe to call repeatedly and from several sessions at once. '
'Example: select * from ops.run_maintenance();';

revoke execute on function ops.run_maintenance() from public;
