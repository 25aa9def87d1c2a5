-- Number a new question version and make it start as a draft.

create or replace function content.tg_question_versions__assign_version()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
declare
    v_next_version integer;
begin
    if NEW.status <> 'draft' then
        raise exception 'a new version of question % must start as draft, not %',
            NEW.question_id, NEW.status
            using
                errcode = 'IL221',
                hint = 'Insert the version as draft, then insert rows into '
                'content.question_transitions to submit and review it.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'status';
    end if;

    -- Two concurrent inserts can compute the same number; the primary key then rejects the
    -- second with 23505, and its caller retries.
    select coalesce(max(qv.version), 0) + 1
    into v_next_version
    from content.question_versions as qv
    where
        qv.tenant_id = NEW.tenant_id
        and qv.question_id = NEW.question_id;

    if NEW.version is null then
        NEW.version := v_next_version;
    elsif NEW.version <> v_next_version then
        raise exception 'question % has no version %: the next version is %',
            NEW.question_id, NEW.version, v_next_version
            using
                errcode = 'IL224',
                hint = 'Leave version null to take the next number.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'version';
    end if;

    NEW.status_changed_at := now();

    return NEW;
end
$$;

comment on function content.tg_question_versions__assign_version() is
'Trigger function: on insert, sets a null version to the question''s next version number and '
'raises IL224 for any other number, raises IL221 unless the status is draft, and sets '
'status_changed_at to now().';

create or replace trigger assign_version
before insert on content.question_versions
for each row
execute function content.tg_question_versions__assign_version();
