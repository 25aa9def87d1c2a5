-- Privileges and row-level security policies of tenancy.class_teachers.
-- Admins read and manage every teaching assignment of the tenant; teachers read the assignments
-- of the classes they teach, co-teachers included.
-- NOTE: students cannot see who teaches their classes yet; that needs a policy here and a way to
-- show teachers' names without their profiles.
-- NOTE: ilp_app has no delete privilege, because an assignment ends by setting ended_at.

revoke all on table tenancy.class_teachers from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.class_teachers to ilp_app;
grant insert (tenant_id, class_id, user_id, assigned_at, ended_at)
on table tenancy.class_teachers to ilp_app;
grant update (ended_at) on table tenancy.class_teachers to ilp_app;
grant select on table tenancy.class_teachers to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.class_teachers;
create policy all_table_owner on tenancy.class_teachers
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_admin on tenancy.class_teachers;
create policy select_tenant_admin on tenancy.class_teachers
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_class_teacher on tenancy.class_teachers;
create policy select_class_teacher on tenancy.class_teachers
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
);

drop policy if exists insert_tenant_admin on tenancy.class_teachers;
create policy insert_tenant_admin on tenancy.class_teachers
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists update_tenant_admin on tenancy.class_teachers;
create policy update_tenant_admin on tenancy.class_teachers
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

drop policy if exists select_platform_operator on tenancy.class_teachers;
create policy select_platform_operator on tenancy.class_teachers
for select
to ilp_operator
using (true);
