-- Privileges and row-level security policies of tenancy.classes.
-- Admins read and manage every class of the tenant; teachers read the classes they teach and
-- students those they attend.
-- NOTE: ilp_app has no delete privilege, because a class is archived (archived_at) and keeps its
-- history.

revoke all on table tenancy.classes from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.classes to ilp_app;
grant insert (tenant_id, id, name, code, archived_at) on table tenancy.classes to ilp_app;
grant update (name, code, archived_at) on table tenancy.classes to ilp_app;
grant select on table tenancy.classes to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.classes;
create policy all_table_owner on tenancy.classes
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_admin on tenancy.classes;
create policy select_tenant_admin on tenancy.classes
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_class_teacher on tenancy.classes;
create policy select_class_teacher on tenancy.classes
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and id = any((select app.current_taught_class_ids())::uuid[])
);

drop policy if exists select_enrolled_student on tenancy.classes;
create policy select_enrolled_student on tenancy.classes
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and id = any((select app.current_enrolled_class_ids())::uuid[])
);

drop policy if exists insert_tenant_admin on tenancy.classes;
create policy insert_tenant_admin on tenancy.classes
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists update_tenant_admin on tenancy.classes;
create policy update_tenant_admin on tenancy.classes
for update
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
)
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on tenancy.classes;
create policy select_platform_operator on tenancy.classes
for select
to ilp_operator
using (true);
