-- Return the role of the verified request context's membership, or null.

-- Named member_role because current_role is an SQL keyword.
create or replace function app.current_member_role()
returns tenancy.member_role
language plpgsql
stable
security invoker
-- The set clause also keeps the planner from inlining the function, so a policy that calls it
-- as (select app.current_member_role()) shows it by name in an InitPlan.
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select c.member_role from app.current_membership() as c
    );
end
$$;

comment on function app.current_member_role() is
'Returns the role (admin, teacher or student) of the request context''s membership, read from '
'tenancy.memberships, or null when there is no valid context. No setting can override it.';

revoke execute on function app.current_member_role() from public;
grant execute on function app.current_member_role() to ilp_app;
