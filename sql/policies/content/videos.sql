-- Privileges and row-level security policies of content.videos.
-- Teachers and admins read every video of their tenant; students read the videos of the lessons
-- they can see. Members who may change the lesson (content.can_edit_lesson) change its videos,
-- including the processing state that the transcoding worker reports in their name.
-- NOTE: lesson_id is not updatable: a video moves only between groups of its own lesson.

revoke all on table content.videos from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.videos to ilp_app;
grant insert (
    tenant_id,
    id,
    lesson_id,
    video_group_id,
    position,
    title,
    storage_object_id,
    duration_ms,
    width,
    height,
    processing_status,
    uploaded_at,
    failure_reason
) on table content.videos to ilp_app;
grant update (
    video_group_id,
    position,
    title,
    duration_ms,
    width,
    height,
    processing_status,
    failure_reason
) on table content.videos to ilp_app;
grant delete on table content.videos to ilp_app;
grant select on table content.videos to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.videos;
create policy all_table_owner on content.videos
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.videos;
create policy select_tenant_staff on content.videos
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists select_enrolled_student on content.videos;
create policy select_enrolled_student on content.videos
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and lesson_id = any((select content.current_student_lesson_ids())::uuid[])
);

drop policy if exists insert_lesson_editor on content.videos;
create policy insert_lesson_editor on content.videos
for insert
to ilp_app
with check (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists update_lesson_editor on content.videos;
create policy update_lesson_editor on content.videos
for update
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id))
with check (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists delete_lesson_editor on content.videos;
create policy delete_lesson_editor on content.videos
for delete
to ilp_app
using (content.can_edit_lesson(tenant_id, lesson_id));

drop policy if exists select_platform_operator on content.videos;
create policy select_platform_operator on content.videos
for select
to ilp_operator
using (true);
