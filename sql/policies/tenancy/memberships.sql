-- Privileges and row-level security policies of tenancy.memberships.
-- Every member reads their own membership in the current tenant, teachers read those of their
-- students, and admins read all of the tenant's and change role, status and dates.
-- NOTE: ilp_app cannot insert memberships. An admin who could add any existing user id to their
-- school would then read that user's profile, which other tenants share. Provisioning (as
-- ilp_owner) adds members after checking an invitation or creating the user.
-- NOTE: ilp_app has no delete privilege, because a member who leaves keeps the row with status
-- left and their history stays attached.

revoke all on table tenancy.memberships from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.memberships to ilp_app;
-- Update on at least one column is also what lets the trigger tenancy.tg__check_class_membership()
-- lock the membership row for share when an admin adds a class_teachers or enrollments row.
grant update (role, status, joined_at, left_at) on table tenancy.memberships to ilp_app;
grant select on table tenancy.memberships to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.memberships;
create policy all_table_owner on tenancy.memberships
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_membership on tenancy.memberships;
create policy select_own_membership on tenancy.memberships
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists select_tenant_admin on tenancy.memberships;
create policy select_tenant_admin on tenancy.memberships
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_class_teacher on tenancy.memberships;
create policy select_class_teacher on tenancy.memberships
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = any((select app.current_taught_student_ids())::uuid[])
);

drop policy if exists update_tenant_admin on tenancy.memberships;
create policy update_tenant_admin on tenancy.memberships
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

drop policy if exists select_platform_operator on tenancy.memberships;
create policy select_platform_operator on tenancy.memberships
for select
to ilp_operator
using (true);
