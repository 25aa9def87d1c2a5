-- Check that a question version points inside its video: the hotspot frame, and for generated
-- versions the job's video and the transcript range it used.

-- Security definer so that the lock below works for every caller: for share needs update
-- privilege on content.videos and passes its update policies.
create or replace function content.tg_question_versions__check_provenance()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_video_id uuid;
    v_duration_ms integer;
    v_job_video_id uuid;
begin
    if NEW.generation_job_id is null and NEW.question_type <> 'hotspot' then
        return NEW;
    end if;

    select m.video_id
    into v_video_id
    from content.questions as q
    inner join content.milestones as m
        on q.tenant_id = m.tenant_id and q.milestone_id = m.id
    where
        q.tenant_id = NEW.tenant_id
        and q.id = NEW.question_id;

    -- A missing question is left to the foreign key.
    if not found then
        return NEW;
    end if;

    -- Locked for share like in tg_milestones__check_position_within_duration(), so that a
    -- concurrent change of the duration waits for this transaction and then sees this version.
    select v.duration_ms
    into v_duration_ms
    from content.videos as v
    where
        v.tenant_id = NEW.tenant_id
        and v.id = v_video_id
    for share;

    if NEW.generation_job_id is not null then
        select j.video_id
        into v_job_video_id
        from content.generation_jobs as j
        where
            j.tenant_id = NEW.tenant_id
            and j.id = NEW.generation_job_id;

        if found and v_job_video_id <> v_video_id then
            raise exception 'generation job % read video %, but question % is on video %',
                NEW.generation_job_id, v_job_video_id, NEW.question_id, v_video_id
                using
                    errcode = 'IL205',
                    hint = 'Attach generated questions to a milestone of the video the job read.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'generation_job_id';
        end if;

        if upper(NEW.transcript_range_ms) > v_duration_ms then
            raise exception 'transcript range % ms goes beyond the end of video % (% ms)',
                NEW.transcript_range_ms, v_video_id, v_duration_ms
                using
                    errcode = 'IL204',
                    hint = 'Record the part of the transcript the model read, within the video.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'transcript_range_ms';
        end if;
    end if;

    -- The prompt is validated by the trigger check_payload, which runs first.
    if
        NEW.question_type = 'hotspot'
        and (NEW.prompt ->> 'frame_ms')::numeric > v_duration_ms
    then
        raise exception 'hotspot frame at % ms is beyond the end of video % (% ms)',
            NEW.prompt ->> 'frame_ms', v_video_id, v_duration_ms
            using
                errcode = 'IL204',
                hint = 'Choose a frame between 0 and the video''s duration.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'prompt';
    end if;

    return NEW;
end
$$;

comment on function content.tg_question_versions__check_provenance() is
'Trigger function: raises IL205 when a generated version''s job read another video than the '
'question''s, and IL204 when its transcript range or a hotspot frame lies beyond the end of the '
'video. Locks the video row for share until the transaction ends.';

revoke execute on function content.tg_question_versions__check_provenance() from public;

create or replace trigger check_provenance
before insert or update of question_type, prompt, generation_job_id, transcript_range_ms
on content.question_versions
for each row
execute function content.tg_question_versions__check_provenance();
