-- Keep updated_at current on every table that has the column.

create or replace function app.tg__set_updated_at()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
begin
    NEW.updated_at := now();
    return NEW;
end
$$;

comment on function app.tg__set_updated_at() is
'Trigger function: sets updated_at to the transaction start time, now(), on each changed row. '
'Attached as set_updated_at, before update, to every table with an updated_at column.';

-- The when clause skips updates that change nothing, so a no-op update keeps updated_at.
-- A new table with updated_at gets its trigger here, because a migration cannot attach a function
-- that is created only after all migrations have run.
create or replace trigger set_updated_at
before update on tenancy.tenants
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on tenancy.users
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on tenancy.user_profiles
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on tenancy.memberships
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on tenancy.classes
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();
