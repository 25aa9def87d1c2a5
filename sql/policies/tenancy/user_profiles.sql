-- Privileges and row-level security policies of tenancy.user_profiles.
-- A user reads and edits their own profile; admins read the profiles of their tenant's members
-- and teachers those of their students.
-- NOTE: admins cannot edit profiles. A profile is shared by every tenant the user belongs to, so
-- an admin of one school changing the e-mail address could take over the account in another.
-- NOTE: ilp_app cannot insert or delete profiles: provisioning creates them and erasure under
-- the GDPR deletes them, both as ilp_owner.

revoke all on table tenancy.user_profiles from ilp_app, ilp_operator, ilp_analytics;
grant select on table tenancy.user_profiles to ilp_app;
grant update (full_name, email, locale) on table tenancy.user_profiles to ilp_app;
grant select on table tenancy.user_profiles to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on tenancy.user_profiles;
create policy all_table_owner on tenancy.user_profiles
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_profile on tenancy.user_profiles;
create policy select_own_profile on tenancy.user_profiles
for select
to ilp_app
using (user_id = (select app.current_user_id()));

drop policy if exists select_tenant_admin on tenancy.user_profiles;
create policy select_tenant_admin on tenancy.user_profiles
for select
to ilp_app
using (user_id = any((select app.current_administered_user_ids())::uuid[]));

drop policy if exists select_class_teacher on tenancy.user_profiles;
create policy select_class_teacher on tenancy.user_profiles
for select
to ilp_app
using (user_id = any((select app.current_taught_student_ids())::uuid[]));

drop policy if exists update_own_profile on tenancy.user_profiles;
create policy update_own_profile on tenancy.user_profiles
for update
to ilp_app
using (user_id = (select app.current_user_id()))
with check (user_id = (select app.current_user_id()));

drop policy if exists select_platform_operator on tenancy.user_profiles;
create policy select_platform_operator on tenancy.user_profiles
for select
to ilp_operator
using (true);
