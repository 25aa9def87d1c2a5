-- Privileges and row-level security policies of content.question_transitions.
-- Teachers and admins read the history of their tenant and insert status changes, which the
-- trigger apply_transition checks and applies. Students see no review history.
-- ilp_app has no update or delete privilege, so for the backend the history is append-only.
-- from_status is set by the trigger; actor_id must be the request's user when given (IL222).
-- NOTE: the owner can still change or delete history rows, for example to erase a tenant.

revoke all on table content.question_transitions from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.question_transitions to ilp_app;
grant insert (tenant_id, id, question_id, version, to_status, actor_id, reason)
on table content.question_transitions to ilp_app;
grant select on table content.question_transitions to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.question_transitions;
create policy all_table_owner on content.question_transitions
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.question_transitions;
create policy select_tenant_staff on content.question_transitions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists insert_tenant_staff on content.question_transitions;
create policy insert_tenant_staff on content.question_transitions
for insert
to ilp_app
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists select_platform_operator on content.question_transitions;
create policy select_platform_operator on content.question_transitions
for select
to ilp_operator
using (true);
