-- Privileges and row-level security policies of tenancy.users.
-- A user reads their own identity; admins read those of their tenant's members and teachers
-- those of their students. The table contains no personal data, which is in user_profiles.
-- NOTE: ilp_app cannot insert, update or delete users. Creating and disabling identities belongs
-- to platform provisioning (as ilp_owner), because a user exists before any tenant context.

revoke all on table tenancy.users from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.users to ilp_app;
grant select on table tenancy.users to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.users;
create policy all_table_owner on tenancy.users
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_user on tenancy.users;
create policy select_own_user on tenancy.users
for select
to ilp_app
using (id = (select app.current_user_id()));

drop policy if exists select_tenant_admin on tenancy.users;
create policy select_tenant_admin on tenancy.users
for select
to ilp_app
using (id = any((select app.current_administered_user_ids())::uuid[]));

drop policy if exists select_class_teacher on tenancy.users;
create policy select_class_teacher on tenancy.users
for select
to ilp_app
using (id = any((select app.current_taught_student_ids())::uuid[]));

drop policy if exists select_platform_operator on tenancy.users;
create policy select_platform_operator on tenancy.users
for select
to ilp_operator
using (true);
