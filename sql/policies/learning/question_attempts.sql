-- Privileges and row-level security policies of learning.question_attempts.
-- Students read their own attempts; teachers read the attempts of the students of the classes
-- they teach; admins read every attempt of the tenant.
-- NOTE: ilp_app has no insert, update or delete privilege: learning.submit_answer() and
-- learning.grade_attempt() write attempts after their checks.

revoke all on table learning.question_attempts from ilp_app, ilp_operator, ilp_analytics;
grant select on table learning.question_attempts to ilp_app;
grant select on table learning.question_attempts to ilp_operator;

-- ilp_owner runs migrations and the security definer functions, so it reads and changes every
-- row.
drop policy if exists all_table_owner on learning.question_attempts;
create policy all_table_owner on learning.question_attempts
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_rows on learning.question_attempts;
create policy select_own_rows on learning.question_attempts
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists select_class_teacher on learning.question_attempts;
create policy select_class_teacher on learning.question_attempts
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = any((select app.current_taught_student_ids())::uuid[])
);

drop policy if exists select_tenant_admin on learning.question_attempts;
create policy select_tenant_admin on learning.question_attempts
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on learning.question_attempts;
create policy select_platform_operator on learning.question_attempts
for select
to ilp_operator
using (true);
