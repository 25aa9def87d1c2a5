-- Privileges and row-level security policies of content.video_renditions.
-- Teachers and admins read every rendition of their tenant; students read the renditions of the
-- videos they can see. Members who may change the video's lesson add and delete renditions.
-- NOTE: ilp_app has no update privilege: a new encoding is a new rendition row.

revoke all on table content.video_renditions from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.video_renditions to ilp_app;
grant insert (
    tenant_id, id, video_id, profile, storage_object_id, width, height, bitrate_bps
) on table content.video_renditions to ilp_app;
grant delete on table content.video_renditions to ilp_app;
grant select on table content.video_renditions to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.video_renditions;
create policy all_table_owner on content.video_renditions
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.video_renditions;
create policy select_tenant_staff on content.video_renditions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

-- The subquery runs under the policies of content.videos, so a student sees the row only when
-- they can see its video.
drop policy if exists select_enrolled_student on content.video_renditions;
create policy select_enrolled_student on content.video_renditions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'student'
    and exists (
        select
        from content.videos as v
        where
            v.tenant_id = video_renditions.tenant_id
            and v.id = video_renditions.video_id
    )
);

drop policy if exists insert_lesson_editor on content.video_renditions;
create policy insert_lesson_editor on content.video_renditions
for insert
to ilp_app
with check (
    exists (
        select
        from content.videos as v
        where
            v.tenant_id = video_renditions.tenant_id
            and v.id = video_renditions.video_id
            and content.can_edit_lesson(v.tenant_id, v.lesson_id)
    )
);

drop policy if exists delete_lesson_editor on content.video_renditions;
create policy delete_lesson_editor on content.video_renditions
for delete
to ilp_app
using (
    exists (
        select
        from content.videos as v
        where
            v.tenant_id = video_renditions.tenant_id
            and v.id = video_renditions.video_id
            and content.can_edit_lesson(v.tenant_id, v.lesson_id)
    )
);

drop policy if exists select_platform_operator on content.video_renditions;
create policy select_platform_operator on content.video_renditions
for select
to ilp_operator
using (true);
