-- Return the classes the current user teaches, for policies of teachers.

-- Security definer because class_teachers policies call it: running as the caller would recurse.
-- Policies call it as (select app.current_taught_class_ids()), so the array is built once per
-- statement and each row is then matched with = any(...), which can use an index.
create or replace function app.current_taught_class_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select coalesce(array_agg(ct.class_id), '{}')
        from app.current_membership() as c
        inner join tenancy.class_teachers as ct
            on c.tenant_id = ct.tenant_id and c.user_id = ct.user_id
        where ct.ended_at is null or ct.ended_at > now()
    );
end
$$;

comment on function app.current_taught_class_ids() is
'Returns the ids of the classes of the current tenant that the current user teaches now (their '
'tenancy.class_teachers rows whose ended_at is null or in the future); an empty array without a '
'valid context.';

revoke execute on function app.current_taught_class_ids() from public;
grant execute on function app.current_taught_class_ids() to ilp_app;
