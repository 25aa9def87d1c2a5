-- Privileges and row-level security policies of tenancy.enrollments.
-- Admins read and manage every enrollment of the tenant; teachers read the enrollments of the
-- classes they teach; students read their own.
-- Teachers do not enroll students: the trigger tenancy.tg__check_class_membership() locks the
-- student's membership for share, which applies the memberships update policy, and only admins
-- may update memberships.
-- NOTE: ilp_app has no delete privilege, because an enrollment ends by setting ended_at.

revoke all on table tenancy.enrollments from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.enrollments to ilp_app;
grant insert (tenant_id, class_id, user_id, enrolled_at, ended_at)
on table tenancy.enrollments to ilp_app;
grant update (ended_at) on table tenancy.enrollments to ilp_app;
grant select on table tenancy.enrollments to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.enrollments;
create policy all_table_owner on tenancy.enrollments
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_admin on tenancy.enrollments;
create policy select_tenant_admin on tenancy.enrollments
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_class_teacher on tenancy.enrollments;
create policy select_class_teacher on tenancy.enrollments
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
);

drop policy if exists select_own_enrollment on tenancy.enrollments;
create policy select_own_enrollment on tenancy.enrollments
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists insert_tenant_admin on tenancy.enrollments;
create policy insert_tenant_admin on tenancy.enrollments
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists update_tenant_admin on tenancy.enrollments;
create policy update_tenant_admin on tenancy.enrollments
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

drop policy if exists select_platform_operator on tenancy.enrollments;
create policy select_platform_operator on tenancy.enrollments
for select
to ilp_operator
using (true);
