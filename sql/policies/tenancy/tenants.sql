-- Privileges and row-level security policies of tenancy.tenants.
-- Members read their own tenant; its admins change the name and settings. Creating, suspending
-- and deleting tenants is platform work done as ilp_owner, never through ilp_app.

revoke all on table tenancy.tenants from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.tenants to ilp_app;
-- NOTE: slug and status are not updatable by ilp_app: the slug may be a subdomain, and the
-- status is platform support's decision.
grant update (name, settings) on table tenancy.tenants to ilp_app;
grant select on table tenancy.tenants to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.tenants;
create policy all_table_owner on tenancy.tenants
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_same_tenant_member on tenancy.tenants;
create policy select_same_tenant_member on tenancy.tenants
for select
to ilp_app
using (id = (select app.current_tenant_id()));

drop policy if exists update_tenant_admin on tenancy.tenants;
create policy update_tenant_admin on tenancy.tenants
for update
to ilp_app
using (
    id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
)
with check (
    id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on tenancy.tenants;
create policy select_platform_operator on tenancy.tenants
for select
to ilp_operator
using (true);
