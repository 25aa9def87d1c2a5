-- Return the members of the current tenant when the current user is its admin.

-- Security definer because memberships policies call it: running as the caller would recurse.
-- It returns nothing to a teacher or student, so calling it directly reveals no more than the
-- memberships policies already show.
-- NOTE: the array contains every member of the tenant, built once per statement. That is cheap for
-- schools of a few thousand members; much larger tenants would want an exists-based predicate.
create or replace function app.current_administered_user_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select coalesce(array_agg(m.user_id), '{}')
        from app.current_membership() as c
        inner join tenancy.memberships as m on c.tenant_id = m.tenant_id
        where c.member_role = 'admin'
    );
end
$$;

comment on function app.current_administered_user_ids() is
'Returns the user ids of every member of the current tenant, whatever their membership status, '
'when the current user is an admin of it; an empty array otherwise.';

revoke execute on function app.current_administered_user_ids() from public;
grant execute on function app.current_administered_user_ids() to ilp_app;
