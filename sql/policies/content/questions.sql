-- Privileges and row-level security policies of content.questions.
-- Teachers and admins read every question of their tenant; students read the questions of the
-- lessons they can see that have an approved version. Members who may change the lesson
-- (content.can_edit_lesson) add, move and delete its questions.

revoke all on table content.questions from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.questions to ilp_app;
grant insert (tenant_id, id, lesson_id, milestone_id, position, created_by)
on table content.questions to ilp_app;
grant update (position) on table content.questions to ilp_app;
grant delete on table content.questions to ilp_app;
grant select on table content.questions to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.questions;
create policy all_table_owner on content.questions
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.questions;
create policy select_tenant_staff on content.questions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

-- content.has_approved_version() is a security definer function: reading the versions through
-- their own student policy, which reads this table, would recurse.
drop policy if exists select_enrolled_student on content.questions;
create policy select_enrolled_student on content.questions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and lesson_id = any((select content.current_student_lesson_ids())::uuid[])
    and content.has_approved_version(tenant_id, id)
);

drop policy if exists insert_lesson_editor on content.questions;
create policy insert_lesson_editor on content.questions
for insert
to ilp_app
with check (
    created_by = (select app.current_user_id())
    and content.can_edit_lesson(tenant_id, lesson_id)
);

drop policy if exists update_lesson_editor on content.questions;
create policy update_lesson_editor on content.questions
for update
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id))
with check (content.can_edit_lesson(tenant_id, lesson_id));

-- Deleting a question deletes its versions, which the trigger check_immutable allows for
-- drafts only.
drop policy if exists delete_lesson_editor on content.questions;
create policy delete_lesson_editor on content.questions
for delete
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists select_platform_operator on content.questions;
create policy select_platform_operator on content.questions
for select
to ilp_operator
using (true);
