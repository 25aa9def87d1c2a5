-- Privileges and row-level security policies of learning.progress_events.
-- Students read their own events; teachers read the events of the students of the classes they
-- teach; admins read every event of the tenant.
-- NOTE: ilp_app has no insert, update or delete privilege: events are written only by the
-- security definer functions learning.record_progress_event() and
-- learning.record_progress_events(), and never changed (the trigger reject_update raises IL319,
-- even for the owner). Partitions get no privilege at all, so they are read only through this
-- table and its policies.

revoke all on table learning.progress_events from ilp_app, ilp_operator, ilp_analytics;
grant select on table learning.progress_events to ilp_app;
grant select on table learning.progress_events to ilp_operator;

-- ilp_owner runs migrations and the security definer functions, so it reads and changes every
-- row.
drop policy if exists all_table_owner on learning.progress_events;
create policy all_table_owner on learning.progress_events
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_rows on learning.progress_events;
create policy select_own_rows on learning.progress_events
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists select_class_teacher on learning.progress_events;
create policy select_class_teacher on learning.progress_events
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = any((select app.current_taught_student_ids())::uuid[])
);

drop policy if exists select_tenant_admin on learning.progress_events;
create policy select_tenant_admin on learning.progress_events
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on learning.progress_events;
create policy select_platform_operator on learning.progress_events
for select
to ilp_operator
using (true);
