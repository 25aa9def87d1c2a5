-- Allow only the legal changes of a video's processing status, and stamp the time of each.

create or replace function content.tg_videos__check_processing_transition()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
begin
    if NEW.processing_status = OLD.processing_status then
        return NEW;
    end if;

    if not (OLD.processing_status, NEW.processing_status) in (
        ('uploaded', 'transcoding'),
        ('uploaded', 'failed'),
        ('transcoding', 'ready'),
        ('transcoding', 'failed'),
        ('failed', 'transcoding'),
        ('ready', 'transcoding')
    ) then
        raise exception 'video % cannot change processing status from % to %',
            NEW.id, OLD.processing_status, NEW.processing_status
            using
                errcode = 'IL200',
                hint = 'Legal changes: uploaded to transcoding or failed, transcoding to ready '
                'or failed, failed or ready to transcoding.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'processing_status';
    end if;

    case NEW.processing_status
        when 'transcoding' then
            NEW.transcoding_started_at := now();
        when 'ready' then
            NEW.ready_at := now();
        when 'failed' then
            NEW.failed_at := now();
        else
            null;
    end case;

    return NEW;
end
$$;

comment on function content.tg_videos__check_processing_transition() is
'Trigger function: raises IL200 for an illegal change of processing_status (see the type '
'content.video_processing_status) and sets transcoding_started_at, ready_at or failed_at to '
'now() when the status enters that state.';

create or replace trigger check_processing_transition
before update of processing_status on content.videos
for each row
execute function content.tg_videos__check_processing_transition();
