-- Map a tenant slug (from a school's sign-in URL) to its id before any request context exists.

-- Security definer because the backend has no context yet, so the tenancy policies would hide the
-- row. It reveals only the id of an active tenant, which the slug already names publicly.
-- The citext operator is named with its schema because search_path excludes public, and a plain
-- = would compare as text, with case.
create or replace function app.find_tenant_id(p_slug text)
returns uuid
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select t.id
        from tenancy.tenants as t
        where
            t.slug operator(public.=) p_slug::public.citext
            and t.status = 'active'
    );
end
$$;

comment on function app.find_tenant_id(text) is
'Returns the id of the active tenant whose slug matches p_slug (ignoring case), or null; for the '
'backend''s sign-in, before app.begin_request().';

revoke execute on function app.find_tenant_id(text) from public;
grant execute on function app.find_tenant_id(text) to ilp_app;
