-- Return the students of the classes the current user teaches, for policies of teachers.

-- Security definer because enrollments and memberships policies call it: running as the caller
-- would recurse. Policies call it as (select app.current_taught_student_ids()), once per statement.
create or replace function app.current_taught_student_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select coalesce(array_agg(distinct e.user_id), '{}')
        from app.current_membership() as c
        inner join tenancy.class_teachers as ct
            on c.tenant_id = ct.tenant_id and c.user_id = ct.user_id
        inner join tenancy.enrollments as e
            on ct.tenant_id = e.tenant_id and ct.class_id = e.class_id
        where
            (ct.ended_at is null or ct.ended_at > now())
            and (e.ended_at is null or e.ended_at > now())
    );
end
$$;

comment on function app.current_taught_student_ids() is
'Returns the user ids of the students enrolled now in a class that the current user teaches now, '
'in the current tenant; an empty array without a valid context.';

revoke execute on function app.current_taught_student_ids() from public;
grant execute on function app.current_taught_student_ids() to ilp_app;
