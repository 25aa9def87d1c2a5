-- Start the request context of one transaction: the tenant and the user the backend acts for.

-- The backend calls it first in every transaction, after authenticating the user itself: the
-- database trusts ilp_app to assert which user it serves and checks everything else here.
-- set_config(..., true) scopes both settings to the current transaction, so a pooler in
-- transaction mode never hands the context to the next client. Security definer because the
-- caller has no context yet, so the tenancy policies would hide every row it must check.
create or replace function app.begin_request(p_tenant_id uuid, p_user_id uuid)
returns tenancy.member_role
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_status tenancy.tenant_status;
    v_user_status tenancy.user_status;
    v_membership_status tenancy.membership_status;
    v_role tenancy.member_role;
begin
    if p_tenant_id is null or p_user_id is null then
        raise exception 'request context needs a tenant id and a user id, got % and %',
            coalesce(p_tenant_id::text, 'null'), coalesce(p_user_id::text, 'null')
            using
                errcode = 'IL001',
                hint = 'Call app.begin_request(tenant_id, user_id) with both ids.';
    end if;

    -- One probe of each primary key, in one query: the request context is set up at the start
    -- of every transaction, so its cost is paid on every call of the backend.
    select t.status, u.status, m.status, m.role
    into v_tenant_status, v_user_status, v_membership_status, v_role
    from (select) as one_row
    left join tenancy.tenants as t on t.id = p_tenant_id
    left join tenancy.users as u on u.id = p_user_id
    left join tenancy.memberships as m
        on m.tenant_id = p_tenant_id and m.user_id = p_user_id;

    if v_tenant_status is null then
        raise exception 'tenant % not found', p_tenant_id
            using errcode = 'IL002';
    end if;

    if v_tenant_status <> 'active' then
        raise exception 'tenant % is %', p_tenant_id, v_tenant_status
            using
                errcode = 'IL003',
                hint = 'Only active tenants accept requests.';
    end if;

    if v_user_status is null then
        raise exception 'user % not found', p_user_id
            using errcode = 'IL004';
    end if;

    if v_user_status <> 'active' then
        raise exception 'user % is %', p_user_id, v_user_status
            using
                errcode = 'IL004',
                hint = 'Only active users can act on the platform.';
    end if;

    if v_membership_status is null then
        raise exception 'user % is not a member of tenant %', p_user_id, p_tenant_id
            using errcode = 'IL005';
    end if;

    if v_membership_status <> 'active' then
        raise exception 'membership of user % in tenant % is %',
            p_user_id, p_tenant_id, v_membership_status
            using
                errcode = 'IL005',
                hint = 'Only active memberships can start a request.';
    end if;

    perform set_config('ilp.tenant_id', p_tenant_id::text, true);
    perform set_config('ilp.user_id', p_user_id::text, true);

    -- The role is read from the same membership row that app.current_membership() reads for
    -- every policy, with the same status checks above, so the two cannot disagree.
    return v_role;
end
$$;

comment on function app.begin_request(uuid, uuid) is
'Checks that the user is an active member of the active tenant and stores both ids for the '
'current transaction only (settings ilp.tenant_id and ilp.user_id); returns the member''s role. '
'Raises IL001 (null id), IL002 (tenant not found), IL003 (tenant not active), IL004 (user not '
'found or disabled) or IL005 (no active membership).';

revoke execute on function app.begin_request(uuid, uuid) from public;
grant execute on function app.begin_request(uuid, uuid) to ilp_app;
