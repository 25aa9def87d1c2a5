-- Add content.generation_jobs: runs of a language model that draft questions from a transcript.
-- depends: 0023_content_milestones
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants and
-- tenancy.memberships until commit, which blocks writes to them while this short migration
-- runs. Nothing existing is rewritten or scanned.

create type content.generation_job_status as enum (
    'queued', 'running', 'succeeded', 'failed', 'cancelled'
);

comment on type content.generation_job_status is
'State of a question generation job. Legal changes: queued to running, failed or cancelled; '
'running to succeeded, failed or cancelled. succeeded, failed and cancelled are final.';

create table content.generation_jobs (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    video_id uuid not null,
    requested_by uuid not null,
    model text not null,
    prompt_template text not null,
    prompt_template_version text not null,
    status content.generation_job_status not null default 'queued',
    input_tokens integer not null default 0,
    output_tokens integer not null default 0,
    cost_usd numeric(12, 6) not null default 0,
    error text,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    updated_at timestamptz not null default now(),
    constraint pk_generation_jobs primary key (tenant_id, id),
    constraint fk_generation_jobs_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- No cascade: questions keep their provenance, so a video with generated questions stays.
    constraint fk_generation_jobs_tenant_id_video_id foreign key (tenant_id, video_id)
    references content.videos (tenant_id, id),
    constraint fk_generation_jobs_tenant_id_requested_by foreign key (tenant_id, requested_by)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_generation_jobs_model_format check (
        model ~ '^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$'
    ),
    constraint check_generation_jobs_prompt_template_format check (
        prompt_template ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'
    ),
    constraint check_generation_jobs_prompt_template_version_format check (
        prompt_template_version ~ '^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$'
    ),
    constraint check_generation_jobs_tokens_not_negative check (
        input_tokens >= 0 and output_tokens >= 0
    ),
    constraint check_generation_jobs_cost_not_negative check (cost_usd >= 0),
    constraint check_generation_jobs_error_matches_status check (
        (status = 'failed') = (error is not null)
    ),
    constraint check_generation_jobs_error_length check (
        error ~ '[^[:space:]]' and char_length(error) <= 4000
    ),
    constraint check_generation_jobs_started_at_set check (
        status not in ('running', 'succeeded') or started_at is not null
    ),
    constraint check_generation_jobs_finished_at_matches_status check (
        (status in ('succeeded', 'failed', 'cancelled')) = (finished_at is not null)
    ),
    constraint check_generation_jobs_times_ordered check (
        started_at >= created_at and finished_at >= coalesce(started_at, created_at)
    )
);

create index index_generation_jobs_on_tenant_id_and_video_id
on content.generation_jobs (tenant_id, video_id);

create index index_generation_jobs_on_tenant_id_and_requested_by
on content.generation_jobs (tenant_id, requested_by);

alter table content.generation_jobs enable row level security;
alter table content.generation_jobs force row level security;

comment on table content.generation_jobs is
'A run of a language model that drafts questions from the transcript of one video, with its '
'state, token counts and cost. The questions it produced point to it from '
'content.question_versions.generation_job_id.';
comment on column content.generation_jobs.tenant_id is
'The tenant that requested the job and pays for it.';
comment on column content.generation_jobs.id is
'Job id (UUID version 7); the key is (tenant_id, id).';
comment on column content.generation_jobs.video_id is
'The video whose transcript the job reads.';
comment on column content.generation_jobs.requested_by is
'The member (teacher or admin) who started the job.';
comment on column content.generation_jobs.model is
'Model identifier as the provider names it, such as gemini-1.5-pro-002.';
comment on column content.generation_jobs.prompt_template is
'Name of the prompt template used, such as milestone-questions: lowercase letters, digits, '
'dots, dashes and underscores.';
comment on column content.generation_jobs.prompt_template_version is
'Version of the prompt template, such as 3 or 2.1.0.';
comment on column content.generation_jobs.status is
'State of the job; see the type content.generation_job_status. An illegal change raises IL203.';
comment on column content.generation_jobs.input_tokens is
'Prompt tokens billed so far, as the provider reports them.';
comment on column content.generation_jobs.output_tokens is
'Output tokens billed so far, as the provider reports them.';
comment on column content.generation_jobs.cost_usd is
'Cost of the job in US dollars, to the micro-dollar.';
comment on column content.generation_jobs.error is
'Why the job failed, as the provider or the worker reports it; set exactly when failed.';
comment on column content.generation_jobs.created_at is
'When the job was queued.';
comment on column content.generation_jobs.started_at is
'When the job started running; set by the trigger check_status_transition.';
comment on column content.generation_jobs.finished_at is
'When the job reached a final state; set by the trigger check_status_transition.';
comment on column content.generation_jobs.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
