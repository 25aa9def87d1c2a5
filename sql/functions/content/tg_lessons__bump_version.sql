-- Keep the revision counter and the publication time of a lesson server-controlled.

create or replace function content.tg_lessons__bump_version()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
begin
    if TG_OP = 'INSERT' then
        NEW.version := 1;

        if NEW.status = 'published' then
            NEW.published_at := coalesce(NEW.published_at, now());
        end if;

        return NEW;
    end if;

    -- A client cannot set version itself: it reads it for optimistic concurrency.
    NEW.version := OLD.version;

    if
        (NEW.title, NEW.description, NEW.language, NEW.status)
        is distinct from (OLD.title, OLD.description, OLD.language, OLD.status)
    then
        NEW.version := OLD.version + 1;
    end if;

    if NEW.status = 'published' and OLD.status <> 'published' then
        NEW.published_at := now();
    end if;

    return NEW;
end
$$;

comment on function content.tg_lessons__bump_version() is
'Trigger function: sets version to 1 on insert and adds 1 on every update that changes the '
'title, description, language or status (ignoring a version the client wrote); sets '
'published_at to now() when the status becomes published.';

create or replace trigger bump_version
before insert or update on content.lessons
for each row
execute function content.tg_lessons__bump_version();
