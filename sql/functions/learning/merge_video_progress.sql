-- Fold the events of one ingest call for one student and video into learning.video_progress.

-- Every step is commutative and idempotent: union of segments, maximum of positions, the latest
-- event by (occurred_at, event_id) for the resume point. So the result does not depend on the
-- order in which calls arrive, and applying an event twice changes nothing.
create or replace function learning.merge_video_progress(
    p_tenant_id uuid,
    p_user_id uuid,
    p_video_id uuid,
    p_lesson_id uuid,
    p_duration_ms integer,
    p_completion_threshold numeric,
    p_segments int4multirange,
    p_furthest_position_ms integer,
    p_latest_event_at timestamptz,
    p_latest_event_id uuid,
    p_latest_position_ms integer,
    p_latest_session_id uuid,
    p_latest_device_id text,
    p_earliest_event_at timestamptz
)
returns void
language plpgsql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    -- Segments are clipped to the video, because positions may exceed the duration by the
    -- ingest tolerance.
    v_segments int4multirange := coalesce(p_segments, '{}'::int4multirange)
        * int4multirange(int4range(0, p_duration_ms));
    v_watched_ms integer;
begin
    -- One statement in the usual case, when the row exists. Each expression is computed from
    -- the row as the update finds it: when another call updates it first, PostgreSQL waits and
    -- evaluates them again on that call's result, so no segment is lost. The watched length is
    -- summed by a subquery rather than learning.watched_length_ms(), which saves a function call
    -- per event.
    update learning.video_progress as p
    set
        last_position_ms = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then least(p_latest_position_ms, p_duration_ms)
            else p.last_position_ms
        end,
        last_event_at = greatest(p.last_event_at, p_latest_event_at),
        last_event_id = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then p_latest_event_id
            else p.last_event_id
        end,
        last_session_id = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then p_latest_session_id
            else p.last_session_id
        end,
        last_device_id = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then p_latest_device_id
            else p.last_device_id
        end,
        furthest_position_ms = greatest(
            p.furthest_position_ms, least(p_furthest_position_ms, p_duration_ms)
        ),
        completion_threshold = p_completion_threshold,
        -- One subquery computes the union and its length once for the four columns.
        (watched_segments, watched_ms, watched_fraction, completed_at) = (
            select
                merged.segments,
                merged.watched_ms,
                least(round(merged.watched_ms::numeric / p_duration_ms, 4), 1),
                coalesce(
                    p.completed_at,
                    case
                        when merged.watched_ms >= p_completion_threshold * p_duration_ms
                            then p_latest_event_at
                    end
                )
            from (
                select
                    p.watched_segments + v_segments as segments,
                    (
                        select coalesce(sum(upper(r.segment) - lower(r.segment)), 0)::integer
                        from unnest(p.watched_segments + v_segments) as r (segment)
                    ) as watched_ms
                -- offset 0 keeps the planner from copying the sum into each column that uses it.
                offset 0
            ) as merged
        ),
        first_event_at = least(p.first_event_at, p_earliest_event_at),
        updated_at = now()
    where
        p.tenant_id = p_tenant_id
        and p.user_id = p_user_id
        and p.video_id = p_video_id;

    if found then
        return;
    end if;

    v_watched_ms := learning.watched_length_ms(v_segments);

    insert into learning.video_progress (
        tenant_id,
        user_id,
        video_id,
        lesson_id,
        last_position_ms,
        last_event_at,
        last_event_id,
        last_session_id,
        last_device_id,
        furthest_position_ms,
        watched_segments,
        watched_ms,
        watched_fraction,
        completion_threshold,
        completed_at,
        first_event_at
    )
    values (
        p_tenant_id,
        p_user_id,
        p_video_id,
        p_lesson_id,
        least(p_latest_position_ms, p_duration_ms),
        p_latest_event_at,
        p_latest_event_id,
        p_latest_session_id,
        p_latest_device_id,
        least(p_furthest_position_ms, p_duration_ms),
        v_segments,
        v_watched_ms,
        least(round(v_watched_ms::numeric / p_duration_ms, 4), 1),
        p_completion_threshold,
        case when v_watched_ms >= p_completion_threshold * p_duration_ms then p_latest_event_at end,
        p_earliest_event_at
    )
    on conflict on constraint pk_video_progress do nothing;

    if found then
        return;
    end if;

    -- Another transaction inserted the row after the update above found none: merge into it.
    perform learning.merge_video_progress(
        p_tenant_id,
        p_user_id,
        p_video_id,
        p_lesson_id,
        p_duration_ms,
        p_completion_threshold,
        p_segments,
        p_furthest_position_ms,
        p_latest_event_at,
        p_latest_event_id,
        p_latest_position_ms,
        p_latest_session_id,
        p_latest_device_id,
        p_earliest_event_at
    );
end
$$;

comment on function learning.merge_video_progress(
    uuid, uuid, uuid, uuid, integer, numeric, int4multirange, integer, timestamptz, uuid, integer,
    uuid, text, timestamptz
) is
'Inserts or updates the learning.video_progress row of a student and video with the summary of '
'newly stored events: their watched segments (added to the row''s), their greatest position, '
'their latest event by (occurred_at, event_id), which moves the resume point only when it is '
'newer than the row''s, and their earliest time. Sets completed_at once the watched length '
'reaches the threshold. Called by the ingest functions, which have checked the arguments.';

revoke execute on function learning.merge_video_progress(
    uuid, uuid, uuid, uuid, integer, numeric, int4multirange, integer, timestamptz, uuid, integer,
    uuid, text, timestamptz
) from public;
