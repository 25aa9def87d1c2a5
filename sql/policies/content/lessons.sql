-- Privileges and row-level security policies of content.lessons.
-- Teachers and admins read every lesson of their tenant; students read the published lessons
-- assigned to a class they attend. A teacher changes the lessons they wrote, an admin any lesson.
-- NOTE: version and published_at are not writable by ilp_app: the trigger bump_version sets
-- them.

revoke all on table content.lessons from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.lessons to ilp_app;
grant insert (tenant_id, id, author_id, title, description, language, status)
on table content.lessons to ilp_app;
grant update (title, description, language, status) on table content.lessons to ilp_app;
grant delete on table content.lessons to ilp_app;
grant select on table content.lessons to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.lessons;
create policy all_table_owner on content.lessons
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.lessons;
create policy select_tenant_staff on content.lessons
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists select_enrolled_student on content.lessons;
create policy select_enrolled_student on content.lessons
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and id = any((select content.current_student_lesson_ids())::uuid[])
);

-- A teacher writes lessons under their own name; an admin may name any member as the author.
drop policy if exists insert_tenant_staff on content.lessons;
create policy insert_tenant_staff on content.lessons
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (
        (select app.current_member_role()) = 'admin'
        or (
            (select app.current_member_role()) = 'teacher'
            and author_id = (select app.current_user_id())
        )
    )
);

drop policy if exists update_lesson_editor on content.lessons;
create policy update_lesson_editor on content.lessons
for update
to ilp_app
using (content.can_edit_lesson(tenant_id, id))
with check (content.can_edit_lesson(tenant_id, id));

drop policy if exists delete_lesson_editor on content.lessons;
create policy delete_lesson_editor on content.lessons
for delete
to ilp_app
using (content.can_edit_lesson(tenant_id, id));

drop policy if exists select_platform_operator on content.lessons;
create policy select_platform_operator on content.lessons
for select
to ilp_operator
using (true);
