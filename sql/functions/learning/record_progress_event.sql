-- Record one progress event of the request's student and fold it into their video progress.

-- Security definer because ilp_app has no privilege on learning.progress_events or
-- learning.video_progress: every write goes through these checks. It acts only for the student
-- of the request context, so a student cannot write another student's progress.
-- The checks repeat those of learning.record_progress_events() as plain conditions, because a
-- shared checking function would cost a call per event on the hot path. The tests run the same
-- cases through both.
create or replace function learning.record_progress_event(
    p_session_id uuid,
    p_event_id uuid,
    p_verb learning.progress_verb,
    p_occurred_at timestamptz,
    p_position_ms integer,
    p_seek_from_ms integer default null,
    p_watched_from_ms integer default null
)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    -- How far a reported position may lie beyond the video's duration: players report the end
    -- of the last frame or round up.
    c_position_tolerance_ms constant integer := 1000;
    -- How far ahead of the server's clock an event may be dated, because a later one would keep
    -- the resume point until the server's clock caught up with it.
    c_clock_skew constant interval := interval '5 minutes';
    -- last_seen_at is written at most this often, so that most events write no session row.
    c_last_seen_resolution constant interval := interval '1 minute';
    v_tenant_id uuid;
    v_user_id uuid;
    v_session record;
    v_duration_ms integer;
    v_is_visible boolean;
    v_completion_threshold numeric;
    v_field text;
    v_value integer;
    v_stored_count integer;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    v_field := case
        when p_session_id is null then 'session_id'
        when p_event_id is null then 'event_id'
        when p_verb is null then 'verb'
        when p_occurred_at is null then 'occurred_at'
        when p_position_ms is null then 'position_ms'
    end;

    if v_field is not null then
        raise exception 'invalid progress event: % is missing', v_field
            using errcode = 'IL310';
    end if;

    -- Each lookup below is a probe of one primary key. They are separate statements, because
    -- one query joining them all got a worse generic plan and cost more to start.
    select s.video_id, s.lesson_id, s.device_id, s.last_seen_at
    into v_session
    from learning.playback_sessions as s
    where
        s.tenant_id = v_tenant_id
        and s.id = p_session_id
        and s.user_id = v_user_id;

    if not found then
        raise exception 'playback session % of student % not found', p_session_id, v_user_id
            using
                errcode = 'IL302',
                hint = 'Start a session with learning.start_playback_session() and send its id.';
    end if;

    -- The rule of learning.can_student_see_lesson(), written out to save a function call.
    select
        v.duration_ms,
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
    into v_duration_ms, v_is_visible
    from content.videos as v
    inner join content.lessons as l on v.tenant_id = l.tenant_id and v.lesson_id = l.id
    where
        v.tenant_id = v_tenant_id
        and v.id = v_session.video_id;

    if not v_is_visible then
        perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_session.lesson_id);
    end if;

    if v_duration_ms is null then
        raise exception 'video % has no known duration yet, so positions cannot be checked',
            v_session.video_id
            using errcode = 'IL306';
    end if;

    if p_occurred_at > now() + c_clock_skew then
        raise exception 'invalid progress event %: occurred_at % is more than % ahead of the '
            'server''s clock (%)',
            p_event_id, p_occurred_at, c_clock_skew, now()
            using errcode = 'IL313';
    end if;

    foreach v_field in array array['position_ms', 'seek_from_ms', 'watched_from_ms'] loop
        v_value := case v_field
            when 'position_ms' then p_position_ms
            when 'seek_from_ms' then p_seek_from_ms
            else p_watched_from_ms
        end;

        if v_value < 0 or v_value > v_duration_ms + c_position_tolerance_ms then
            raise exception 'invalid progress event %: % % ms is outside the video, whose '
                'duration is % ms (up to % ms beyond it are accepted)',
                p_event_id, v_field, v_value, v_duration_ms, c_position_tolerance_ms
                using errcode = 'IL311';
        end if;
    end loop;

    if (p_verb = 'seeked') <> (p_seek_from_ms is not null) then
        raise exception 'invalid progress event %: seek_from_ms is required for seeked events '
            'and not allowed for other verbs, got % with seek_from_ms %',
            p_event_id, p_verb, coalesce(p_seek_from_ms::text, 'null')
            using errcode = 'IL312';
    end if;

    if p_verb = 'played' and p_watched_from_ms is not null then
        raise exception 'invalid progress event %: watched_from_ms is not allowed for played '
            'events, which start playback',
            p_event_id
            using errcode = 'IL312';
    end if;

    if p_watched_from_ms > coalesce(p_seek_from_ms, p_position_ms) then
        raise exception 'invalid progress event %: watched_from_ms % is after the end of the '
            'watched stretch, %',
            p_event_id, p_watched_from_ms, coalesce(p_seek_from_ms, p_position_ms)
            using errcode = 'IL312';
    end if;

    -- A row that fits no partition would fail with a check violation of PostgreSQL that names
    -- no constraint, so the month's partition is looked up by its name first.
    if
        to_regclass(
            'learning.progress_events_'
            || to_char(p_occurred_at at time zone 'UTC', 'YYYY_MM')
        ) is null
    then
        raise exception 'no partition of learning.progress_events exists for occurred_at %',
            p_occurred_at
            using
                errcode = 'IL314',
                hint = 'Run ops.run_maintenance() (ilp-db maintain), which creates the '
                'partitions from the previous month to 3 months ahead; older events cannot be '
                'stored.';
    end if;

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
    values (
        v_tenant_id,
        p_occurred_at,
        p_event_id,
        v_user_id,
        v_session.video_id,
        p_session_id,
        p_verb,
        p_position_ms,
        p_seek_from_ms,
        p_watched_from_ms
    )
    on conflict on constraint pk_progress_events do nothing;

    get diagnostics v_stored_count = row_count;

    if v_session.last_seen_at < now() - c_last_seen_resolution then
        update learning.playback_sessions as s
        set last_seen_at = now()
        where
            s.tenant_id = v_tenant_id
            and s.id = p_session_id;
    end if;

    -- A retried event was folded in when it was first stored.
    if v_stored_count = 0 then
        return false;
    end if;

    -- The video's override, else the lesson's threshold, else the column default of
    -- learning.lesson_settings (0.9).
    v_completion_threshold := coalesce(
        (
            select vs.completion_threshold
            from learning.video_settings as vs
            where
                vs.tenant_id = v_tenant_id
                and vs.video_id = v_session.video_id
        ),
        (
            select ls.completion_threshold
            from learning.lesson_settings as ls
            where
                ls.tenant_id = v_tenant_id
                and ls.lesson_id = v_session.lesson_id
        ),
        0.9
    );

    perform learning.merge_video_progress(
        v_tenant_id,
        v_user_id,
        v_session.video_id,
        v_session.lesson_id,
        v_duration_ms,
        v_completion_threshold,
        case
            when p_watched_from_ms is not null
                then int4multirange(
                    int4range(p_watched_from_ms, coalesce(p_seek_from_ms, p_position_ms))
                )
        end,
        greatest(p_position_ms, p_seek_from_ms),
        p_occurred_at,
        p_event_id,
        p_position_ms,
        p_session_id,
        v_session.device_id,
        p_occurred_at
    );

    return true;
end
$$;

comment on function learning.record_progress_event(
    uuid, uuid, learning.progress_verb, timestamptz, integer, integer, integer
) is
'Stores one progress event of a playback session of the request''s student and updates their '
'learning.video_progress row. Returns true when stored, false when an event with the same '
'event_id and occurred_at was already stored (a retry, which changes nothing). Raises IL300 or '
'IL301 (no student context), IL302 (session not found), IL304 or IL305 (video no longer '
'visible), IL306 (no duration), IL310 (field missing), IL311 (position below 0 or more than '
'1000 ms beyond the duration), IL312 (fields that do not fit the verb), IL313 (occurred_at more '
'than 5 minutes ahead of the server''s clock) and IL314 (no partition for occurred_at).';

revoke execute on function learning.record_progress_event(
    uuid, uuid, learning.progress_verb, timestamptz, integer, integer, integer
) from public;
grant execute on function learning.record_progress_event(
    uuid, uuid, learning.progress_verb, timestamptz, integer, integer, integer
) to ilp_app;
