-- Return the classes the current user attends, for policies of students.

-- Security definer because enrollments policies call it: running as the caller would recurse.
-- Policies call it as (select app.current_enrolled_class_ids()), once per statement.
create or replace function app.current_enrolled_class_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select coalesce(array_agg(e.class_id), '{}')
        from app.current_membership() as c
        inner join tenancy.enrollments as e
            on c.tenant_id = e.tenant_id and c.user_id = e.user_id
        where e.ended_at is null or e.ended_at > now()
    );
end
$$;

comment on function app.current_enrolled_class_ids() is
'Returns the ids of the classes of the current tenant that the current user attends now (their '
'tenancy.enrollments rows whose ended_at is null or in the future); an empty array without a '
'valid context.';

revoke execute on function app.current_enrolled_class_ids() from public;
grant execute on function app.current_enrolled_class_ids() to ilp_app;
