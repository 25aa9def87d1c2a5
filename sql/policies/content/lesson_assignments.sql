-- Privileges and row-level security policies of content.lesson_assignments.
-- Admins manage every assignment of the tenant, and a teacher those of the classes they teach.
-- Students read the assignments of their classes whose lesson they can see.

revoke all on table content.lesson_assignments from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.lesson_assignments to ilp_app;
grant insert (tenant_id, lesson_id, class_id, assigned_by, assigned_at, due_at)
on table content.lesson_assignments to ilp_app;
grant update (due_at) on table content.lesson_assignments to ilp_app;
grant delete on table content.lesson_assignments to ilp_app;
grant select on table content.lesson_assignments to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.lesson_assignments;
create policy all_table_owner on content.lesson_assignments
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_admin on content.lesson_assignments;
create policy select_tenant_admin on content.lesson_assignments
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_class_teacher on content.lesson_assignments;
create policy select_class_teacher on content.lesson_assignments
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
);

drop policy if exists select_enrolled_student on content.lesson_assignments;
create policy select_enrolled_student on content.lesson_assignments
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_enrolled_class_ids())::uuid[])
    and lesson_id = any((select content.current_student_lesson_ids())::uuid[])
);

drop policy if exists insert_tenant_admin on content.lesson_assignments;
create policy insert_tenant_admin on content.lesson_assignments
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
    and assigned_by = (select app.current_user_id())
);

drop policy if exists insert_class_teacher on content.lesson_assignments;
create policy insert_class_teacher on content.lesson_assignments
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
    and assigned_by = (select app.current_user_id())
);

drop policy if exists update_tenant_admin on content.lesson_assignments;
create policy update_tenant_admin on content.lesson_assignments
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

drop policy if exists update_class_teacher on content.lesson_assignments;
create policy update_class_teacher on content.lesson_assignments
for update
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
)
with check (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
);

drop policy if exists delete_tenant_admin on content.lesson_assignments;
create policy delete_tenant_admin on content.lesson_assignments
for delete
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists delete_class_teacher on content.lesson_assignments;
create policy delete_class_teacher on content.lesson_assignments
for delete
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and class_id = any((select app.current_taught_class_ids())::uuid[])
);

drop policy if exists select_platform_operator on content.lesson_assignments;
create policy select_platform_operator on content.lesson_assignments
for select
to ilp_operator
using (true);
