-- Allow only the legal changes of a generation job's status, and stamp start and finish times.

create or replace function content.tg_generation_jobs__check_status_transition()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
begin
    if NEW.status = OLD.status then
        return NEW;
    end if;

    if not (OLD.status, NEW.status) in (
        ('queued', 'running'),
        ('queued', 'failed'),
        ('queued', 'cancelled'),
        ('running', 'succeeded'),
        ('running', 'failed'),
        ('running', 'cancelled')
    ) then
        raise exception 'generation job % cannot change status from % to %',
            NEW.id, OLD.status, NEW.status
            using
                errcode = 'IL203',
                hint = 'Legal changes: queued to running, failed or cancelled; running to '
                'succeeded, failed or cancelled. Start a new job to retry.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'status';
    end if;

    if NEW.status = 'running' then
        NEW.started_at := now();
    else
        NEW.finished_at := now();
    end if;

    return NEW;
end
$$;

comment on function content.tg_generation_jobs__check_status_transition() is
'Trigger function: raises IL203 for an illegal change of a generation job''s status (see the '
'type content.generation_job_status), sets started_at when the job starts running and '
'finished_at when it reaches a final state.';

create or replace trigger check_status_transition
before update of status on content.generation_jobs
for each row
execute function content.tg_generation_jobs__check_status_transition();
