-- Privileges and row-level security policies of learning.lesson_settings.
-- Teachers and admins read every row of their tenant; students read the rows of the lessons
-- they can see. The members who may change the lesson (content.can_edit_lesson) write its
-- completion and grading rules.

revoke all on table learning.lesson_settings from ilp_app, ilp_operator, ilp_analytics;
grant select on table learning.lesson_settings to ilp_app;
grant insert (
    tenant_id, lesson_id, completion_threshold, grade_policy, ordering_strategy, matching_strategy
) on table learning.lesson_settings to ilp_app;
grant update (completion_threshold, grade_policy, ordering_strategy, matching_strategy)
on table learning.lesson_settings to ilp_app;
grant delete on table learning.lesson_settings to ilp_app;
grant select on table learning.lesson_settings to ilp_operator;

-- ilp_owner runs migrations and the security definer functions, so it reads and changes every
-- row.
drop policy if exists all_table_owner on learning.lesson_settings;
create policy all_table_owner on learning.lesson_settings
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on learning.lesson_settings;
create policy select_tenant_staff on learning.lesson_settings
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists select_enrolled_student on learning.lesson_settings;
create policy select_enrolled_student on learning.lesson_settings
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and lesson_id = any((select content.current_student_lesson_ids())::uuid[])
);

drop policy if exists insert_lesson_editor on learning.lesson_settings;
create policy insert_lesson_editor on learning.lesson_settings
for insert
to ilp_app
with check (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists update_lesson_editor on learning.lesson_settings;
create policy update_lesson_editor on learning.lesson_settings
for update
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id))
with check (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists delete_lesson_editor on learning.lesson_settings;
create policy delete_lesson_editor on learning.lesson_settings
for delete
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists select_platform_operator on learning.lesson_settings;
create policy select_platform_operator on learning.lesson_settings
for select
to ilp_operator
using (true);
