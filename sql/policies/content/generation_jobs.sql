-- Privileges and row-level security policies of content.generation_jobs.
-- Teachers and admins read every job of their tenant and start jobs on the videos of lessons they
-- may change. The requester, or an admin, records the job's progress; the worker that runs the
-- job acts in the requester's name. Students see no job.
-- NOTE: ilp_app has no delete privilege: generated questions keep pointing to their job.

revoke all on table content.generation_jobs from ilp_app, ilp_operator, ilp_analytics;
grant select on table content.generation_jobs to ilp_app;
grant insert (
    tenant_id, id, video_id, requested_by, model, prompt_template, prompt_template_version
) on table content.generation_jobs to ilp_app;
grant update (status, input_tokens, output_tokens, cost_usd, error)
on table content.generation_jobs to ilp_app;
grant select on table content.generation_jobs to ilp_operator;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.generation_jobs;
create policy all_table_owner on content.generation_jobs
for all
to ilp_owner
using (true)
with check (true);

drop policy if exists select_tenant_staff on content.generation_jobs;
create policy select_tenant_staff on content.generation_jobs
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) in ('teacher', 'admin')
);

drop policy if exists insert_lesson_editor on content.generation_jobs;
create policy insert_lesson_editor on content.generation_jobs
for insert
to ilp_app
with check (
    requested_by = (select app.current_user_id())
    and exists (
        select
        from content.videos as v
        where
            v.tenant_id = generation_jobs.tenant_id
            and v.id = generation_jobs.video_id
            and content.can_edit_lesson(v.tenant_id, v.lesson_id)
    )
);

drop policy if exists update_job_requester on content.generation_jobs;
create policy update_job_requester on content.generation_jobs
for update
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and requested_by = (select app.current_user_id())
)
with check (
    tenant_id = (select app.current_tenant_id())
    and requested_by = (select app.current_user_id())
);

drop policy if exists update_tenant_admin on content.generation_jobs;
create policy update_tenant_admin on content.generation_jobs
for update
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
)
with check (
    tenant_id = (select app.current_tenant_id())
    and (select app.current_member_role()) = 'admin'
);

drop policy if exists select_platform_operator on content.generation_jobs;
create policy select_platform_operator on content.generation_jobs
for select
to ilp_operator
using (true);
