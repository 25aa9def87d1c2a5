-- Privileges and row-level security policies of learning.playback_sessions.
-- Students read their own sessions and change their playback settings and end. Teachers read
-- the sessions of the students of the classes they teach, and admins every session of the
-- tenant.
-- NOTE: ilp_app has no insert privilege: learning.start_playback_session() checks that the video
-- is visible before it inserts. No delete either: sessions are part of the learning record.

revoke all on table learning.playback_sessions from ilp_app, ilp_operator, ilp_analytics;
grant select on table learning.playback_sessions to ilp_app;
grant update (playback_speed, captions_language, quality, volume, full_screen, ended_at)
on table learning.playback_sessions to ilp_app;
grant select on table learning.playback_sessions to ilp_operator;

-- ilp_owner runs migrations and the security definer functions, so it reads and changes every
-- row.
drop policy if exists all_table_owner on learning.playback_sessions;
create policy all_table_owner on learning.playback_sessions
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_own_rows on learning.playback_sessions;
create policy select_own_rows on learning.playback_sessions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists select_class_teacher on learning.playback_sessions;
create policy select_class_teacher on learning.playback_sessions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = any((select app.current_taught_student_ids())::uuid[])
);

drop policy if exists select_tenant_admin on learning.playback_sessions;
create policy select_tenant_admin on learning.playback_sessions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists update_own_session on learning.playback_sessions;
create policy update_own_session on learning.playback_sessions
for update
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
)
with check (
    tenant_id = (select app.current_tenant_id())
    and user_id = (select app.current_user_id())
);

drop policy if exists select_platform_operator on learning.playback_sessions;
create policy select_platform_operator on learning.playback_sessions
for select
to ilp_operator
using (true);
