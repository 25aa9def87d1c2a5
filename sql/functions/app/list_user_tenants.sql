-- List the tenants a signed-in user may start a request in, before any request context exists.

-- Security definer because the backend has no context yet. The backend passes the user it
-- authenticated, as it does to app.begin_request(); the result is exactly the set of tenants for
-- which begin_request would succeed.
create or replace function app.list_user_tenants(p_user_id uuid)
returns table (tenant_id uuid, slug text, name text, member_role tenancy.member_role)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return query
    select
        t.id,
        t.slug::text,
        t.name,
        m.role
    from tenancy.memberships as m
    inner join tenancy.tenants as t on m.tenant_id = t.id
    inner join tenancy.users as u on m.user_id = u.id
    where
        m.user_id = p_user_id
        and m.status = 'active'
        and t.status = 'active'
        and u.status = 'active'
    order by t.name, t.id;
end
$$;

comment on function app.list_user_tenants(uuid) is
'Returns the active tenants where the active user p_user_id has an active membership, with the '
'role, ordered by tenant name; the tenants app.begin_request() would accept for this user.';

revoke execute on function app.list_user_tenants(uuid) from public;
grant execute on function app.list_user_tenants(uuid) to ilp_app;
