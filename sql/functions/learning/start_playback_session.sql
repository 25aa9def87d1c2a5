-- Start a playback session of a video for the student of the request.

-- Security definer because ilp_app has no insert privilege on learning.playback_sessions: this
-- function checks that the video is visible to the student before it records the session.
create or replace function learning.start_playback_session(
    p_video_id uuid,
    p_device_id text,
    p_platform learning.playback_platform,
    p_user_agent text default null,
    p_playback_speed numeric default 1,
    p_captions_language text default null,
    p_quality text default null,
    p_volume numeric default 1,
    p_full_screen boolean default false,
    p_session_id uuid default null
)
returns uuid
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid;
    v_user_id uuid;
    v_lesson_id uuid;
    v_duration_ms integer;
    v_session_id uuid := coalesce(p_session_id, app.uuid_v7());
    v_existing learning.playback_sessions;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    select v.lesson_id, v.duration_ms
    into v_lesson_id, v_duration_ms
    from content.videos as v
    where
        v.tenant_id = v_tenant_id
        and v.id = p_video_id;

    if not found then
        raise exception 'video % not found in tenant %', p_video_id, v_tenant_id
            using errcode = 'IL303';
    end if;

    perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_lesson_id);

    if v_duration_ms is null then
        raise exception 'video % has no known duration yet, so it cannot be played', p_video_id
            using
                errcode = 'IL306',
                hint = 'Wait until the video is processed (processing_status ready).';
    end if;

    -- A client that retries the start with the same session id gets the same session back.
    insert into learning.playback_sessions (
        tenant_id,
        id,
        user_id,
        video_id,
        lesson_id,
        device_id,
        platform,
        user_agent,
        playback_speed,
        captions_language,
        quality,
        volume,
        full_screen
    )
    values (
        v_tenant_id,
        v_session_id,
        v_user_id,
        p_video_id,
        v_lesson_id,
        p_device_id,
        p_platform,
        p_user_agent,
        p_playback_speed,
        p_captions_language,
        p_quality,
        p_volume,
        p_full_screen
    )
    on conflict on constraint pk_playback_sessions do nothing;

    if not found then
        select s.*
        into v_existing
        from learning.playback_sessions as s
        where
            s.tenant_id = v_tenant_id
            and s.id = v_session_id;

        if v_existing.user_id <> v_user_id or v_existing.video_id <> p_video_id then
            raise exception 'session id % is already used by another playback session',
                v_session_id
                using
                    errcode = 'IL307',
                    hint = 'Generate a new session id for each playback session.';
        end if;
    end if;

    return v_session_id;
end
$$;

comment on function learning.start_playback_session(
    uuid, text, learning.playback_platform, text, numeric, text, text, numeric, boolean, uuid
) is
'Records the start of a playback session of a video by the request''s student and returns its '
'id (p_session_id when given, so a retried start returns the same session). Raises IL300 or '
'IL301 (no student context), IL303 (video not in the tenant), IL304 (lesson not published), '
'IL305 (student not enrolled in a class of the lesson), IL306 (video without duration), IL307 '
'(session id used by another session), and 23514 for invalid settings (see the check '
'constraints of learning.playback_sessions).';

revoke execute on function learning.start_playback_session(
    uuid, text, learning.playback_platform, text, numeric, text, text, numeric, boolean, uuid
) from public;
grant execute on function learning.start_playback_session(
    uuid, text, learning.playback_platform, text, numeric, text, text, numeric, boolean, uuid
) to ilp_app;
