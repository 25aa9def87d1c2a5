-- Reject a milestone placed after the end of its video.

-- Security definer so that the lock below works for every caller: for share needs update
-- privilege on content.videos and passes its update policies, which a caller may lack.
create or replace function content.tg_milestones__check_position_within_duration()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_duration_ms integer;
begin
    -- The video row stays locked until this transaction ends, so a concurrent update that
    -- shortens the video waits, and its own check in tg_videos__check_duration_covers_content
    -- then sees this milestone. The lock is for share, because an update of duration_ms takes
    -- for no key update, which for key share (the foreign key's lock) would not block.
    -- NOTE: under repeatable read the check of the duration update uses its snapshot and can
    -- miss a milestone committed while it waited; run such updates under read committed or
    -- serializable.
    select v.duration_ms
    into v_duration_ms
    from content.videos as v
    where
        v.tenant_id = NEW.tenant_id
        and v.id = NEW.video_id
    for share;

    -- A missing video is left to the foreign key, and an unknown duration is checked when it is
    -- set.
    if v_duration_ms is not null and NEW.position_ms > v_duration_ms then
        raise exception 'milestone position % ms is beyond the end of video % (% ms)',
            NEW.position_ms, NEW.video_id, v_duration_ms
            using
                errcode = 'IL202',
                hint = 'Place the milestone between 0 and the video''s duration.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'position_ms';
    end if;

    return NEW;
end
$$;

comment on function content.tg_milestones__check_position_within_duration() is
'Trigger function: raises IL202 when a milestone''s position_ms exceeds the duration of its '
'video, and locks the video row for share until the transaction ends so that a concurrent '
'duration change cannot slip past the check.';

revoke execute on function content.tg_milestones__check_position_within_duration() from public;

create or replace trigger check_position_within_duration
before insert or update of position_ms, video_id on content.milestones
for each row
execute function content.tg_milestones__check_position_within_duration();
