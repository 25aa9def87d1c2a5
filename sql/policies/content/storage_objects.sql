-- Privileges and row-level security policies of content.storage_objects.
-- Teachers and admins read and register the objects of their tenant. Students read the objects
-- of the videos, renditions and tracks they can see, so the backend can sign URLs for them.
-- Only admins delete, which the foreign keys allow only for objects no row uses.
-- NOTE: ilp_app has no update privilege: a row describes one generation of an object, and a new
-- upload is a new generation, so a new row.

revoke all on table content.storage_objects from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.storage_objects to ilp_app;
grant insert (
    tenant_id,
    id,
    kind,
    bucket,
    object_name,
    generation,
    content_type,
    size_bytes,
    crc32c,
    md5_hash
) on table content.storage_objects to ilp_app;
grant delete on table content.storage_objects to ilp_app;
grant select on table content.storage_objects to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.storage_objects;
create policy all_table_owner on content.storage_objects
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.storage_objects;
create policy select_tenant_staff on content.storage_objects
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

-- The subqueries run under the policies of the tables they read, so a student sees an object
-- only through a video, rendition or track that their own policies show.
drop policy if exists select_enrolled_student on content.storage_objects;
create policy select_enrolled_student on content.storage_objects
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'student'
    and (
        exists (
            select
            from content.videos as v
            where
                v.tenant_id = storage_objects.tenant_id
                and v.storage_object_id = storage_objects.id
        )
        or exists (
            select
            from content.video_renditions as r
            where
                r.tenant_id = storage_objects.tenant_id
                and r.storage_object_id = storage_objects.id
        )
        or exists (
            select
            from content.video_text_tracks as t
            where
                t.tenant_id = storage_objects.tenant_id
                and t.storage_object_id = storage_objects.id
        )
    )
);

drop policy if exists insert_tenant_staff on content.storage_objects;
create policy insert_tenant_staff on content.storage_objects
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists delete_tenant_admin on content.storage_objects;
create policy delete_tenant_admin on content.storage_objects
for delete
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on content.storage_objects;
create policy select_platform_operator on content.storage_objects
for select
to ilp_operator
using (true);
