-- Reject a video duration that would leave a milestone, a hotspot frame or a transcript range
-- used by generated questions beyond the end of the video.

-- Security definer so that the check sees every row of the video, whatever the caller's
-- policies hide.
create or replace function content.tg_videos__check_duration_covers_content()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_milestone_ms integer;
    v_frame_ms numeric;
    v_transcript_end_ms integer;
begin
    if NEW.duration_ms is null or NEW.duration_ms >= OLD.duration_ms then
        return NEW;
    end if;

    -- The update already holds this video's row lock, and milestone and question writers lock
    -- the same row for share first, so these reads cannot miss a concurrent write under read
    -- committed.
    select max(m.position_ms)
    into v_milestone_ms
    from content.milestones as m
    where
        m.tenant_id = NEW.tenant_id
        and m.video_id = NEW.id;

    if v_milestone_ms > NEW.duration_ms then
        raise exception 'video % cannot be % ms long: it has a milestone at % ms',
            NEW.id, NEW.duration_ms, v_milestone_ms
            using
                errcode = 'IL201',
                hint = 'Move or delete the milestones after the new end first.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'duration_ms';
    end if;

    select
        max((qv.prompt ->> 'frame_ms')::numeric) filter (
            where qv.question_type = 'hotspot'
        ),
        max(upper(qv.transcript_range_ms))
    into v_frame_ms, v_transcript_end_ms
    from content.milestones as m
    inner join content.questions as q
        on m.tenant_id = q.tenant_id and m.id = q.milestone_id
    inner join content.question_versions as qv
        on q.tenant_id = qv.tenant_id and q.id = qv.question_id
    where
        m.tenant_id = NEW.tenant_id
        and m.video_id = NEW.id;

    if v_frame_ms > NEW.duration_ms then
        raise exception 'video % cannot be % ms long: a hotspot question shows its frame at % ms',
            NEW.id, NEW.duration_ms, v_frame_ms
            using
                errcode = 'IL201',
                hint = 'Write a new version of the hotspot question with an earlier frame first.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'duration_ms';
    end if;

    if v_transcript_end_ms > NEW.duration_ms then
        raise exception 'video % cannot be % ms long: generated questions used its transcript '
            'up to % ms', NEW.id, NEW.duration_ms, v_transcript_end_ms
            using
                errcode = 'IL201',
                hint = 'A shorter video is a new video: upload it as a new row.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'duration_ms';
    end if;

    return NEW;
end
$$;

comment on function content.tg_videos__check_duration_covers_content() is
'Trigger function: raises IL201 when a video''s new duration_ms is shorter than the position of '
'one of its milestones, the frame_ms of a hotspot question on it, or the end of a transcript '
'range that generated questions on it used.';

revoke execute on function content.tg_videos__check_duration_covers_content() from public;

create or replace trigger check_duration_covers_content
before update of duration_ms on content.videos
for each row
execute function content.tg_videos__check_duration_covers_content();
