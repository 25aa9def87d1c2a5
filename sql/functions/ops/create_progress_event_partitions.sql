-- Create the monthly partitions of learning.progress_events that are missing around now.

-- Security definer so that the partitions belong to ilp_owner, like the table, whichever role
-- runs the maintenance (a deploy login that is a member of ilp_owner, or a superuser).
-- Each partition is created as a plain table and then attached: attach takes a share update
-- exclusive lock on learning.progress_events, which lets inserts go on, whereas create table
-- ... partition of would take an access exclusive lock and stop ingest for its duration.
create or replace function ops.create_progress_event_partitions(
    p_months_back integer default 1,
    p_months_ahead integer default 3
)
returns table (task text, detail text)
language plpgsql
volatile
security definer
-- Month arithmetic on timestamptz follows the session's time zone; partitions are UTC months.
set timezone = 'UTC'
set search_path = pg_catalog, pg_temp
as $$
declare
    v_first_month timestamptz;
    v_month timestamptz;
    v_partition_name text;
begin
    if p_months_back is null or p_months_back < 0 or p_months_ahead is null or p_months_ahead < 0
    then
        raise exception 'months back and ahead must be 0 or more, got % and %',
            coalesce(p_months_back::text, 'null'), coalesce(p_months_ahead::text, 'null')
            using errcode = '22023';
    end if;

    -- Two runs at once would both try to create the same partition; the second waits here and
    -- then finds it.
    perform pg_advisory_xact_lock(
        hashtextextended('ops.create_progress_event_partitions', 0)
    );

    v_first_month := date_trunc('month', now()) - make_interval(months => p_months_back);

    for v_month in
        select generate_series(
            v_first_month,
            v_first_month + make_interval(months => p_months_back + p_months_ahead),
            interval '1 month'
        )
    loop
        v_partition_name := 'progress_events_' || to_char(v_month at time zone 'UTC', 'YYYY_MM');

        continue when to_regclass('learning.' || v_partition_name) is not null;

        execute format(
            'create table learning.%I (like learning.progress_events including defaults '
            'including constraints)',
            v_partition_name
        );
        execute format(
            'alter table learning.progress_events attach partition learning.%I '
            'for values from (%L) to (%L)',
            v_partition_name,
            v_month,
            v_month + interval '1 month'
        );

        task := 'create_partition';
        detail := 'learning.' || v_partition_name;
        return next;
    end loop;
end
$$;

comment on function ops.create_progress_event_partitions(integer, integer) is
'Creates the missing monthly partitions of learning.progress_events from p_months_back UTC '
'months before the current one to p_months_ahead months after it, and returns one row '
'(create_partition, learning.progress_events_YYYY_MM) per partition created. Serialised by an '
'advisory transaction lock, so concurrent runs create each partition once.';

revoke execute on function ops.create_progress_event_partitions(integer, integer) from public;
