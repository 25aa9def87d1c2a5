-- Privileges and row-level security policies of content.milestones.
-- Teachers and admins read every milestone of their tenant; students read the milestones of the
-- lessons they can see. Members who may change the lesson (content.can_edit_lesson) change them.

revoke all on table content.milestones from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.milestones to ilp_app;
grant insert (
    tenant_id,
    id,
    lesson_id,
    video_id,
    position_ms,
    sort_order,
    kind,
    title,
    pause_playback,
    require_correct_answer,
    seek_back_to_ms
) on table content.milestones to ilp_app;
grant update (
    position_ms,
    sort_order,
    kind,
    title,
    pause_playback,
    require_correct_answer,
    seek_back_to_ms
) on table content.milestones to ilp_app;
grant delete on table content.milestones to ilp_app;
grant select on table content.milestones to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.milestones;
create policy all_table_owner on content.milestones
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.milestones;
create policy select_tenant_staff on content.milestones
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists select_enrolled_student on content.milestones;
create policy select_enrolled_student on content.milestones
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and lesson_id = any((select content.current_student_lesson_ids())::uuid[])
);

drop policy if exists insert_lesson_editor on content.milestones;
create policy insert_lesson_editor on content.milestones
for insert
to ilp_app
with check (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists update_lesson_editor on content.milestones;
create policy update_lesson_editor on content.milestones
for update
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id))
with check (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists delete_lesson_editor on content.milestones;
create policy delete_lesson_editor on content.milestones
for delete
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists select_platform_operator on content.milestones;
create policy select_platform_operator on content.milestones
for select
to ilp_operator
using (true);
