-- Privileges and row-level security policies of content.question_versions.
-- Teachers and admins read every version of their tenant; students read only approved versions
-- of the questions they can see. Members who may change the question's lesson write drafts.
-- NOTE: status is neither insertable nor updatable by ilp_app: it changes only by inserting into
-- content.question_transitions, whose trigger checks the actor and the change.

revoke all on table content.question_versions from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.question_versions to ilp_app;
grant insert (
    tenant_id,
    question_id,
    version,
    question_type,
    prompt,
    points,
    retry_penalty_points,
    max_attempts,
    hints,
    feedback,
    created_by,
    generation_job_id,
    prompt_sha256,
    transcript_range_ms
) on table content.question_versions to ilp_app;
grant update (
    question_type, prompt, points, retry_penalty_points, max_attempts, hints, feedback
) on table content.question_versions to ilp_app;
grant delete on table content.question_versions to ilp_app;
grant select on table content.question_versions to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.question_versions;
create policy all_table_owner on content.question_versions
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.question_versions;
create policy select_tenant_staff on content.question_versions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

-- The subquery runs under the policies of content.questions, so a student sees a version only
-- when it is approved and its question belongs to a lesson they can see.
drop policy if exists select_enrolled_student on content.question_versions;
create policy select_enrolled_student on content.question_versions
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and status = 'approved'
    and exists (
        select
        from content.questions as q
        where
            q.tenant_id = question_versions.tenant_id
            and q.id = question_versions.question_id
            and q.lesson_id = any((select content.current_student_lesson_ids())::uuid[])
    )
);

drop policy if exists insert_question_editor on content.question_versions;
create policy insert_question_editor on content.question_versions
for insert
to ilp_app
with check (
    created_by = (select app.current_user_id())
    and content.can_edit_question(tenant_id, question_id)
);

drop policy if exists update_question_editor on content.question_versions;
create policy update_question_editor on content.question_versions
for update
to ilp_app
using (content.can_edit_question(tenant_id, question_id))
with check (content.can_edit_question(tenant_id, question_id));

drop policy if exists delete_question_editor on content.question_versions;
create policy delete_question_editor on content.question_versions
for delete
to ilp_app
using (content.can_edit_question(tenant_id, question_id));

drop policy if exists select_platform_operator on content.question_versions;
create policy select_platform_operator on content.question_versions
for select
to ilp_operator
using (true);
