-- Return the verified membership behind the request context settings ilp.tenant_id and
-- ilp.user_id, whether app.begin_request() or the caller wrote them.

-- Security definer: it reads tenancy.memberships, tenants and users, whose policies call this
-- function, so running as the caller would recurse. The settings are re-checked on every call
-- rather than trusted, so writing them by hand is exactly as powerful as calling
-- app.begin_request(). A pair that is not an active membership yields no row, and the role comes
-- from the membership row, never from a setting.
-- A value that is not a canonical uuid yields no row instead of an error, so a stale or garbage
-- setting on a pooled connection denies access rather than breaking every query.
create or replace function app.current_membership()
returns table (tenant_id uuid, user_id uuid, member_role tenancy.member_role)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return query
    with setting as (
        select
            nullif(current_setting('ilp.tenant_id', true), '') as tenant_text,
            nullif(current_setting('ilp.user_id', true), '') as user_text
    ),

    parsed as (
        select
            case
                when s.tenant_text ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                    then s.tenant_text::uuid
            end as tenant_id,
            case
                when s.user_text ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                    then s.user_text::uuid
            end as user_id
        from setting as s
    )

    select
        m.tenant_id,
        m.user_id,
        m.role
    from parsed as p
    inner join tenancy.memberships as m
        on p.tenant_id = m.tenant_id and p.user_id = m.user_id
    inner join tenancy.tenants as t on m.tenant_id = t.id
    inner join tenancy.users as u on m.user_id = u.id
    where
        m.status = 'active'
        and t.status = 'active'
        and u.status = 'active';
end
$$;

comment on function app.current_membership() is
'Returns the request context as one row (tenant_id, user_id, member_role) when the settings '
'ilp.tenant_id and ilp.user_id name an active membership of an active user in an active tenant, '
'and no row otherwise (unset, empty or malformed settings, or any other pair).';

revoke execute on function app.current_membership() from public;
grant execute on function app.current_membership() to ilp_app;
