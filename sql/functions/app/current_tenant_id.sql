-- Return the tenant of the verified request context, or null.

create or replace function app.current_tenant_id()
returns uuid
language plpgsql
stable
security invoker
-- The set clause also keeps the planner from inlining the function, so a policy that calls it
-- as (select app.current_tenant_id()) shows it by name in an InitPlan.
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select c.tenant_id from app.current_membership() as c
    );
end
$$;

comment on function app.current_tenant_id() is
'Returns the tenant id of the request context (see app.current_membership), or null when there '
'is no valid context. Policies call it as (select app.current_tenant_id()), once per statement.';

revoke execute on function app.current_tenant_id() from public;
grant execute on function app.current_tenant_id() to ilp_app;
