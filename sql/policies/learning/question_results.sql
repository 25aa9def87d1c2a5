-- Privileges and row-level security policies of learning.question_results.
-- Students read their own results; teachers read the results of the students of the classes
-- they teach; admins read every result of the tenant.
-- NOTE: ilp_app has no insert, update or delete privilege: the functions that write attempts
-- keep these rows in step with them.

revoke all on table learning.question_results from ilp_app, ilp_operator, ilp_analytics;
grant select on table learning.question_results to ilp_app;
grant select on table learning.question_results to ilp_operator;

-- ilp_owner runs migrations and the security definer functions, so it reads and changes every
-- row.
drop policy if exists all_table_owner on learning.question_results;
create policy all_table_owner on learning.question_results
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_rows on learning.question_results;
create policy select_own_rows on learning.question_results
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists select_class_teacher on learning.question_results;
create policy select_class_teacher on learning.question_results
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = any((select app.current_taught_student_ids())::uuid[])
);

drop policy if exists select_tenant_admin on learning.question_results;
create policy select_tenant_admin on learning.question_results
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on learning.question_results;
create policy select_platform_operator on learning.question_results
for select
to ilp_operator
using (true);
