-- Record a batch of progress events of the request's student and fold them into their video
-- progress, all or nothing.

-- Security definer for the same reason as learning.record_progress_event(), whose checks it
-- repeats as one set-based query. The batch is checked as a whole before anything is written,
-- and an invalid event rejects the whole batch. The client then fixes or drops that event and
-- sends the batch again, which stores every event once.
-- Cost per batch: one cast of the whole array, one query for the sessions, one check query,
-- one insert, and one progress update per video, whatever the number of events.
create or replace function learning.record_progress_events(p_events jsonb)
returns integer
language plpgsql
volatile
security definer
-- Timestamps without an offset are read as UTC rather than in the session's time zone.
set timezone = 'UTC'
set search_path = pg_catalog, pg_temp
as $$
declare
    c_max_batch_size constant integer := 1000;
    -- The same limits as in learning.record_progress_event().
    c_position_tolerance_ms constant integer := 1000;
    c_clock_skew constant interval := interval '5 minutes';
    c_last_seen_resolution constant interval := interval '1 minute';
    v_tenant_id uuid;
    v_user_id uuid;
    v_event_count integer;
    v_events learning.progress_events[];
    v_requested_session_ids uuid[];
    v_months timestamptz[];
    v_month timestamptz;
    v_sessions record;
    v_problem record;
    v_cast_error text;
    v_index integer;
    v_per_video record;
    v_stored_count integer := 0;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    if jsonb_typeof(p_events) is distinct from 'array' then
        raise exception 'events must be a JSON array of event objects, got %',
            coalesce(jsonb_typeof(p_events), 'null')
            using errcode = 'IL310';
    end if;

    v_event_count := jsonb_array_length(p_events);

    if v_event_count = 0 then
        return 0;
    end if;

    if v_event_count > c_max_batch_size then
        raise exception 'a batch contains at most % events, got %', c_max_batch_size, v_event_count
            using
                errcode = 'IL315',
                hint = 'Split the events into several batches.';
    end if;

    if jsonb_path_exists(p_events, '$[*] ? (@.type() != "object")') then
        raise exception 'every element of events must be a JSON object'
            using errcode = 'IL310';
    end if;

    begin
        select
            array_agg(
                row(
                    v_tenant_id,
                    (e.value ->> 'occurred_at')::timestamptz,
                    (e.value ->> 'event_id')::uuid,
                    v_user_id,
                    null,
                    (e.value ->> 'session_id')::uuid,
                    (e.value ->> 'verb')::learning.progress_verb,
                    (e.value ->> 'position_ms')::integer,
                    (e.value ->> 'seek_from_ms')::integer,
                    (e.value ->> 'watched_from_ms')::integer,
                    null
                )::learning.progress_events
                order by e.ordinality
            ),
            array_agg(distinct (e.value ->> 'session_id')::uuid),
            array_agg(distinct date_trunc('month', (e.value ->> 'occurred_at')::timestamptz))
        into v_events, v_requested_session_ids, v_months
        from jsonb_array_elements(p_events) with ordinality as e (value, ordinality);
    exception
        when data_exception then
            get stacked diagnostics v_cast_error = message_text;
            perform learning.raise_progress_event_type_error(p_events, v_cast_error);
    end;

    -- The sessions of the batch with their video, lesson, visibility and completion threshold,
    -- as parallel arrays (usually of one element).
    select
        array_agg(s.id) as session_ids,
        array_agg(s.video_id) as video_ids,
        array_agg(s.lesson_id) as lesson_ids,
        array_agg(s.device_id) as device_ids,
        array_agg(s.last_seen_at) as last_seen_times,
        array_agg(v.duration_ms) as durations,
        -- 0.9 is the default of learning.lesson_settings.completion_threshold.
        array_agg(coalesce(vs.completion_threshold, ls.completion_threshold, 0.9))
            as completion_thresholds,
        array_agg(
            l.status = 'published' and exists (
                select
                from content.lesson_assignments as a
                inner join tenancy.enrollments as e
                    on a.tenant_id = e.tenant_id and a.class_id = e.class_id
                where
                    a.tenant_id = l.tenant_id
                    and a.lesson_id = l.id
                    and e.user_id = v_user_id
                    and (e.ended_at is null or e.ended_at > now())
            )
        ) as visible
    into v_sessions
    from learning.playback_sessions as s
    inner join content.videos as v on s.tenant_id = v.tenant_id and s.video_id = v.id
    inner join content.lessons as l on s.tenant_id = l.tenant_id and s.lesson_id = l.id
    left join learning.lesson_settings as ls
        on s.tenant_id = ls.tenant_id and s.lesson_id = ls.lesson_id
    left join learning.video_settings as vs
        on s.tenant_id = vs.tenant_id and s.video_id = vs.video_id
    where
        s.tenant_id = v_tenant_id
        and s.id = any(v_requested_session_ids)
        and s.user_id = v_user_id;

    -- The first invalid event in batch order decides the error.
    select
        e.ordinality - 1 as event_index,
        e.event_id,
        case
            when e.event_id is null then array['IL310', 'event_id is missing']
            when e.session_id is null then array['IL310', 'session_id is missing']
            when e.verb is null then array['IL310', 'verb is missing']
            when e.occurred_at is null then array['IL310', 'occurred_at is missing']
            when e.position_ms is null then array['IL310', 'position_ms is missing']
            when s.session_id is null then array[
                'IL302',
                format('playback session %s of student %s not found', e.session_id, v_user_id)
            ]
            when e.occurred_at > now() + c_clock_skew then array[
                'IL313',
                format(
                    'occurred_at %s is more than %s ahead of the server''s clock (%s)',
                    e.occurred_at, c_clock_skew, now()
                )
            ]
            when e.position_ms < 0 or e.position_ms > s.duration_ms + c_position_tolerance_ms
                then array[
                    'IL311',
                    format(
                        'position_ms %s ms is outside the video, whose duration is %s ms (up to '
                        '%s ms beyond it are accepted)',
                        e.position_ms, s.duration_ms, c_position_tolerance_ms
                    )
                ]
            when
                e.seek_from_ms < 0 or e.seek_from_ms > s.duration_ms + c_position_tolerance_ms
                then array[
                    'IL311',
                    format(
                        'seek_from_ms %s ms is outside the video, whose duration is %s ms (up to '
                        '%s ms beyond it are accepted)',
                        e.seek_from_ms, s.duration_ms, c_position_tolerance_ms
                    )
                ]
            when
                e.watched_from_ms < 0
                or e.watched_from_ms > s.duration_ms + c_position_tolerance_ms
                then array[
                    'IL311',
                    format(
                        'watched_from_ms %s ms is outside the video, whose duration is %s ms (up '
                        'to %s ms beyond it are accepted)',
                        e.watched_from_ms, s.duration_ms, c_position_tolerance_ms
                    )
                ]
            when (e.verb = 'seeked') <> (e.seek_from_ms is not null) then array[
                'IL312',
                format(
                    'seek_from_ms is required for seeked events and not allowed for other '
                    'verbs, got %s with seek_from_ms %s',
                    e.verb, coalesce(e.seek_from_ms::text, 'null')
                )
            ]
            when e.verb = 'played' and e.watched_from_ms is not null then array[
                'IL312',
                'watched_from_ms is not allowed for played events, which start playback'
            ]
            when e.watched_from_ms > coalesce(e.seek_from_ms, e.position_ms) then array[
                'IL312',
                format(
                    'watched_from_ms %s is after the end of the watched stretch, %s',
                    e.watched_from_ms, coalesce(e.seek_from_ms, e.position_ms)
                )
            ]
        end as problem
    into v_problem
    from unnest(v_events) with ordinality as e
    left join unnest(v_sessions.session_ids, v_sessions.durations) as s (session_id, duration_ms)
        on e.session_id = s.session_id
    where
        e.event_id is null
        or e.session_id is null
        or e.verb is null
        or e.occurred_at is null
        or e.position_ms is null
        or s.session_id is null
        or e.occurred_at > now() + c_clock_skew
        or e.position_ms < 0
        or e.position_ms > s.duration_ms + c_position_tolerance_ms
        or e.seek_from_ms < 0
        or e.seek_from_ms > s.duration_ms + c_position_tolerance_ms
        or e.watched_from_ms < 0
        or e.watched_from_ms > s.duration_ms + c_position_tolerance_ms
        or (e.verb = 'seeked') <> (e.seek_from_ms is not null)
        or (e.verb = 'played' and e.watched_from_ms is not null)
        or e.watched_from_ms > coalesce(e.seek_from_ms, e.position_ms)
    order by e.ordinality
    limit 1;

    if found then
        raise exception 'events[%] (event_id %): %',
            v_problem.event_index, coalesce(v_problem.event_id::text, 'null'),
            v_problem.problem[2]
            using
                errcode = v_problem.problem[1],
                hint = case
                    when v_problem.problem[1] = 'IL302'
                        then 'Start a session with learning.start_playback_session() and send '
                        'its id.'
                    else 'The whole batch was rejected; send it again without this event.'
                end;
    end if;

    for v_index in 1 .. cardinality(v_sessions.session_ids) loop
        if not v_sessions.visible[v_index] then
            perform learning.require_lesson_visible(
                v_tenant_id, v_user_id, v_sessions.lesson_ids[v_index]
            );
        end if;

        if v_sessions.durations[v_index] is null then
            raise exception 'video % has no known duration yet, so positions cannot be checked',
                v_sessions.video_ids[v_index]
                using errcode = 'IL306';
        end if;
    end loop;

    -- A row that fits no partition would fail with a check violation of PostgreSQL that names
    -- no constraint, so each month's partition is looked up by its name first.
    foreach v_month in array v_months loop
        if to_regclass('learning.progress_events_' || to_char(v_month, 'YYYY_MM')) is null then
            raise exception 'no partition of learning.progress_events exists for the month '
                'starting %',
                v_month
                using
                    errcode = 'IL314',
                    hint = 'Run ops.run_maintenance() (ilp-db maintain), which creates the '
                    'partitions from the previous month to 3 months ahead; older events cannot '
                    'be stored.';
        end if;
    end loop;

    -- Most calls find last_seen_at recent enough and write no session row.
    if
        exists (
            select
            from unnest(v_sessions.last_seen_times) as t (last_seen_at)
            where t.last_seen_at < now() - c_last_seen_resolution
        )
    then
        update learning.playback_sessions as s
        set last_seen_at = now()
        where
            s.tenant_id = v_tenant_id
            and s.id = any(v_sessions.session_ids)
            and s.last_seen_at < now() - c_last_seen_resolution;
    end if;

    for v_per_video in
        with inserted as (
            insert into learning.progress_events (
                tenant_id,
                occurred_at,
                event_id,
                user_id,
                video_id,
                session_id,
                verb,
                position_ms,
                seek_from_ms,
                watched_from_ms
            )
            -- An event repeated inside the batch conflicts with its first copy, which is
            -- inserted before it, so it is stored once, as that first copy.
            select
                v_tenant_id,
                e.occurred_at,
                e.event_id,
                v_user_id,
                s.video_id,
                e.session_id,
                e.verb,
                e.position_ms,
                e.seek_from_ms,
                e.watched_from_ms
            from unnest(v_events) with ordinality as e
            inner join unnest(v_sessions.session_ids, v_sessions.video_ids)
                as s (session_id, video_id)
                on e.session_id = s.session_id
            order by e.ordinality
            on conflict on constraint pk_progress_events do nothing
            returning
                video_id,
                session_id,
                occurred_at,
                event_id,
                position_ms,
                seek_from_ms,
                watched_from_ms
        ),

        latest as (
            select distinct on (i.video_id)
                i.video_id,
                i.occurred_at,
                i.event_id,
                i.position_ms,
                i.session_id
            from inserted as i
            order by i.video_id, i.occurred_at desc, i.event_id desc
        ),

        per_video as (
            select
                i.video_id,
                range_agg(
                    int4range(i.watched_from_ms, coalesce(i.seek_from_ms, i.position_ms))
                ) filter (where i.watched_from_ms is not null) as segments,
                max(greatest(i.position_ms, i.seek_from_ms)) as furthest_position_ms,
                min(i.occurred_at) as earliest_at,
                count(*) as stored_count
            from inserted as i
            group by i.video_id
        )

        select
            pv.video_id,
            pv.segments,
            pv.furthest_position_ms,
            pv.earliest_at,
            pv.stored_count,
            l.occurred_at as latest_at,
            l.event_id as latest_event_id,
            l.position_ms as latest_position_ms,
            l.session_id as latest_session_id,
            s.lesson_id,
            s.device_id,
            s.duration_ms,
            s.completion_threshold
        from per_video as pv
        inner join latest as l on pv.video_id = l.video_id
        inner join unnest(
            v_sessions.session_ids,
            v_sessions.lesson_ids,
            v_sessions.device_ids,
            v_sessions.durations,
            v_sessions.completion_thresholds
        ) as s (session_id, lesson_id, device_id, duration_ms, completion_threshold)
            on l.session_id = s.session_id
    loop
        perform learning.merge_video_progress(
            v_tenant_id,
            v_user_id,
            v_per_video.video_id,
            v_per_video.lesson_id,
            v_per_video.duration_ms,
            v_per_video.completion_threshold,
            v_per_video.segments,
            v_per_video.furthest_position_ms,
            v_per_video.latest_at,
            v_per_video.latest_event_id,
            v_per_video.latest_position_ms,
            v_per_video.latest_session_id,
            v_per_video.device_id,
            v_per_video.earliest_at
        );

        v_stored_count := v_stored_count + v_per_video.stored_count;
    end loop;

    return v_stored_count;
end
$$;

comment on function learning.record_progress_events(jsonb) is
'Stores a batch of progress events of the request''s student, given as a JSON array of objects '
'with the keys event_id, session_id, verb, occurred_at (ISO 8601; UTC when it has no offset), '
'position_ms, seek_from_ms and watched_from_ms (see learning.progress_events), and updates one '
'learning.video_progress row per video. Returns the number of events newly stored: an event '
'already stored, or repeated in the batch, is stored once. Any invalid event rejects the whole '
'batch and the error names it as events[i] (from 0): IL310 (not an array of objects, field '
'missing or of the wrong type), IL315 (more than 1000 events), and otherwise the errors of '
'learning.record_progress_event().';

revoke execute on function learning.record_progress_events(jsonb) from public;
grant execute on function learning.record_progress_events(jsonb) to ilp_app;
