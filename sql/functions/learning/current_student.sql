-- Return the tenant and user of the request context, which must be a student's.

-- The rule is that of app.current_membership(): the settings ilp.tenant_id and ilp.user_id must
-- name an active membership of an active user in an active tenant. It is written out here as one
-- query, because calling app.current_membership() cost about 50 us more per ingest call
-- (measured with the plpgsql_check profiler on PostgreSQL 15), and every learning function
-- starts here. Security definer because it reads the tenancy tables, whose policies would call
-- the context helpers again.
create or replace function learning.current_student(out tenant_id uuid, out user_id uuid)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    c_uuid_pattern constant text := '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$';
    v_tenant_text text := current_setting('ilp.tenant_id', true);
    v_user_text text := current_setting('ilp.user_id', true);
    v_role tenancy.member_role;
begin
    -- Settings that are not canonical UUIDs name no membership, as in app.current_membership().
    if v_tenant_text ~* c_uuid_pattern and v_user_text ~* c_uuid_pattern then
        select m.tenant_id, m.user_id, m.role
        into tenant_id, user_id, v_role
        from tenancy.memberships as m
        inner join tenancy.tenants as t on m.tenant_id = t.id
        inner join tenancy.users as u on m.user_id = u.id
        where
            m.tenant_id = v_tenant_text::uuid
            and m.user_id = v_user_text::uuid
            and m.status = 'active'
            and t.status = 'active'
            and u.status = 'active';
    end if;

    if tenant_id is null then
        raise exception 'no request context: the learning functions act for a signed-in student'
            using
                errcode = 'IL300',
                hint = 'Call app.begin_request(tenant_id, user_id) first in the transaction.';
    end if;

    if v_role <> 'student' then
        raise exception 'user % is a % of tenant %, and only students record progress and answers',
            user_id, v_role, tenant_id
            using errcode = 'IL301';
    end if;
end
$$;

comment on function learning.current_student() is
'Returns (tenant_id, user_id) of the request context, checked as app.current_membership() '
'checks it. Raises IL300 without a valid context and IL301 when the member is not a student.';

revoke execute on function learning.current_student() from public;
