-- Add questions: stable identities, immutable versions, answer keys apart, and status changes.
-- depends: 0024_content_generation_jobs
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants and
-- tenancy.memberships until commit, which blocks writes to them while this short migration
-- runs. Nothing existing is rewritten or scanned.

create type content.question_type as enum (
    'single_choice',
    'multiple_choice',
    'true_false',
    'fill_in_blanks',
    'numeric',
    'ordering',
    'matching',
    'hotspot',
    'free_text',
    'poll'
);

comment on type content.question_type is
'Kind of question; it fixes the JSON shape of the prompt and of the answer key, which '
'content.validate_question_prompt() and content.validate_question_answer_key() check. poll is '
'unscored and has no answer key; free_text is graded by a teacher with a rubric.';

create type content.question_status as enum (
    'draft', 'in_review', 'approved', 'rejected', 'retired'
);

comment on type content.question_status is
'Review state of a question version. Legal changes: draft to in_review, in_review to approved '
'or rejected, approved to retired. Only drafts can be edited; students see approved versions '
'only.';

create table content.questions (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    lesson_id uuid not null,
    milestone_id uuid not null,
    milestone_kind content.milestone_kind not null generated always as ('question') stored,
    position integer not null default 0,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_questions primary key (tenant_id, id),
    constraint fk_questions_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- The milestone's key includes lesson_id and kind: a question hangs only on a question
    -- milestone of the same lesson, and that milestone cannot change kind while it has questions.
    constraint fk_questions_tenant_id_lesson_id_milestone_id foreign key (
        tenant_id, lesson_id, milestone_id, milestone_kind
    ) references content.milestones (tenant_id, lesson_id, id, kind) on delete cascade,
    constraint fk_questions_tenant_id_created_by foreign key (tenant_id, created_by)
    references tenancy.memberships (tenant_id, user_id),
    constraint unique_questions_milestone_id_position unique (tenant_id, milestone_id, position)
    deferrable initially immediate,
    constraint check_questions_position_not_negative check (position >= 0)
);

-- Serves the foreign key to milestones, and lists the questions of a lesson.
create index index_questions_on_tenant_id_and_lesson_id_and_milestone_id
on content.questions (tenant_id, lesson_id, milestone_id, milestone_kind);

create index index_questions_on_tenant_id_and_created_by
on content.questions (tenant_id, created_by);

alter table content.questions enable row level security;
alter table content.questions force row level security;

comment on table content.questions is
'Stable identity of a question asked at a question milestone. Its content lives in '
'content.question_versions; answers point to the exact version answered.';
comment on column content.questions.tenant_id is
'The tenant of the lesson.';
comment on column content.questions.id is
'Question id (UUID version 7); the key is (tenant_id, id).';
comment on column content.questions.lesson_id is
'The lesson of the milestone, copied so that row-level security needs no join; the foreign key '
'to milestones keeps it equal to the milestone''s lesson.';
comment on column content.questions.milestone_id is
'The milestone where the question is asked; its kind must be question.';
comment on column content.questions.milestone_kind is
'Always question; part of the foreign key so that only question milestones carry questions.';
comment on column content.questions.position is
'Order of the question among those of its milestone, from 0 up, unique per milestone (checked '
'at commit when the constraint is set deferred).';
comment on column content.questions.created_by is
'The member who created the question (for generated questions, who started the job).';
comment on column content.questions.created_at is
'When the row was inserted.';
comment on column content.questions.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table content.question_versions (
    tenant_id uuid not null,
    question_id uuid not null,
    version integer not null,
    question_type content.question_type not null,
    prompt jsonb not null,
    points numeric(6, 2) not null default 1,
    retry_penalty_points numeric(6, 2) not null default 0,
    max_attempts smallint,
    hints jsonb not null default '[]',
    feedback jsonb not null default '{}',
    status content.question_status not null default 'draft',
    status_changed_at timestamptz not null default now(),
    created_by uuid not null,
    generation_job_id uuid,
    prompt_sha256 text,
    transcript_range_ms int4range,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_question_versions primary key (tenant_id, question_id, version),
    constraint fk_question_versions_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- Deleting a question deletes its versions; a trigger stops that for any version that is no
    -- longer a draft, so reviewed content and the answers pointing to it stay.
    constraint fk_question_versions_tenant_id_question_id foreign key (tenant_id, question_id)
    references content.questions (tenant_id, id) on delete cascade,
    constraint fk_question_versions_tenant_id_created_by foreign key (tenant_id, created_by)
    references tenancy.memberships (tenant_id, user_id),
    constraint fk_question_versions_tenant_id_generation_job_id foreign key (
        tenant_id, generation_job_id
    ) references content.generation_jobs (tenant_id, id),
    constraint check_question_versions_version_positive check (version > 0),
    constraint check_question_versions_points_not_negative check (points >= 0),
    constraint check_question_versions_poll_unscored check (
        question_type <> 'poll' or points = 0
    ),
    constraint check_question_versions_retry_penalty check (
        retry_penalty_points >= 0 and retry_penalty_points <= points
    ),
    constraint check_question_versions_max_attempts_positive check (max_attempts > 0),
    -- Hints are shown one at a time after wrong answers: an array of non-blank strings.
    constraint check_question_versions_hints_shape check (
        jsonb_typeof(hints) = 'array'
        and jsonb_array_length(hints) <= 10
        and not jsonb_path_exists(
            hints, '$[*] ? (@.type() != "string" || !(@ like_regex "[^[:space:]]"))'
        )
    ),
    -- Feedback per outcome: an object with only the keys correct, partially_correct and
    -- incorrect, each a string.
    constraint check_question_versions_feedback_shape check (
        jsonb_typeof(feedback) = 'object'
        and feedback - array['correct', 'partially_correct', 'incorrect'] = '{}'::jsonb
        and not jsonb_path_exists(feedback, '$.* ? (@.type() != "string")')
    ),
    -- A generated version carries its whole provenance; a version written by a person none.
    constraint check_question_versions_provenance_complete check (
        (generation_job_id is null and prompt_sha256 is null and transcript_range_ms is null)
        or (
            generation_job_id is not null
            and prompt_sha256 is not null
            and transcript_range_ms is not null
        )
    ),
    constraint check_question_versions_prompt_sha256_format check (
        prompt_sha256 ~ '^[0-9a-f]{64}$'
    ),
    constraint check_question_versions_transcript_range check (
        not isempty(transcript_range_ms)
        and lower(transcript_range_ms) >= 0
        and not upper_inf(transcript_range_ms)
    )
);

-- At most one version of a question is being written or reviewed at a time.
create unique index index_question_versions_on_question_id_when_open
on content.question_versions (tenant_id, question_id)
where status in ('draft', 'in_review');

-- At most one version of a question is live: approving a new one retires the previous one.
create unique index index_question_versions_on_question_id_when_approved
on content.question_versions (tenant_id, question_id)
where status = 'approved';

create index index_question_versions_on_tenant_id_and_created_by
on content.question_versions (tenant_id, created_by);

create index index_question_versions_on_tenant_id_and_generation_job_id
on content.question_versions (tenant_id, generation_job_id);

-- The review queue of a tenant.
create index index_question_versions_on_status_changed_at_when_in_review
on content.question_versions (tenant_id, status_changed_at)
where status = 'in_review';

alter table content.question_versions enable row level security;
alter table content.question_versions force row level security;

comment on table content.question_versions is
'One version of a question: its type, student-facing prompt and scoring settings, and its '
'review state. Only drafts change (IL220); editing an approved question means inserting a new '
'draft version. The answer key is in content.question_answer_keys.';
comment on column content.question_versions.tenant_id is
'The tenant of the question.';
comment on column content.question_versions.question_id is
'The question this is a version of.';
comment on column content.question_versions.version is
'Version number, 1 up without gaps per question; a null on insert takes the next number.';
comment on column content.question_versions.question_type is
'Type of question; see the type content.question_type.';
comment on column content.question_versions.prompt is
'Student-facing prompt as JSON, checked by content.validate_question_prompt() (IL210). Holds '
'nothing that gives away the answer.';
comment on column content.question_versions.points is
'Points for a fully correct answer; 0 for polls.';
comment on column content.question_versions.retry_penalty_points is
'Points deducted for each attempt after the first, at most points.';
comment on column content.question_versions.max_attempts is
'Maximum number of attempts per student; null means unlimited.';
comment on column content.question_versions.hints is
'Hints shown one at a time after wrong answers: a JSON array of at most 10 non-blank strings.';
comment on column content.question_versions.feedback is
'Feedback per outcome: a JSON object with the optional string keys correct, '
'partially_correct and incorrect.';
comment on column content.question_versions.status is
'Review state; see the type content.question_status. Changed only by inserting into '
'content.question_transitions (IL223).';
comment on column content.question_versions.status_changed_at is
'When the status last changed.';
comment on column content.question_versions.created_by is
'The member who wrote this version (for generated versions, who started the job).';
comment on column content.question_versions.generation_job_id is
'The job that generated this version; null for versions written by a person.';
comment on column content.question_versions.prompt_sha256 is
'SHA-256 of the exact prompt sent to the model, as 64 lowercase hex digits; set exactly for '
'generated versions.';
comment on column content.question_versions.transcript_range_ms is
'Part of the video transcript the model read, in milliseconds [from, to), within the video''s '
'duration (IL204); set exactly for generated versions.';
comment on column content.question_versions.created_at is
'When the row was inserted.';
comment on column content.question_versions.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table content.question_answer_keys (
    tenant_id uuid not null,
    question_id uuid not null,
    version integer not null,
    answer_key jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_question_answer_keys primary key (tenant_id, question_id, version),
    constraint fk_question_answer_keys_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_question_answer_keys_question_version foreign key (
        tenant_id, question_id, version
    ) references content.question_versions (tenant_id, question_id, version) on delete cascade
);

alter table content.question_answer_keys enable row level security;
alter table content.question_answer_keys force row level security;

comment on table content.question_answer_keys is
'The answer key of a scored question version, kept apart from the prompt so that students have '
'no privilege on it. Changes only while its version is a draft (IL220).';
comment on column content.question_answer_keys.tenant_id is
'The tenant of the question.';
comment on column content.question_answer_keys.question_id is
'The question.';
comment on column content.question_answer_keys.version is
'The question version this key grades.';
comment on column content.question_answer_keys.answer_key is
'Answer key as JSON, checked against the version''s prompt by '
'content.validate_question_answer_key() (IL211, IL212).';
comment on column content.question_answer_keys.created_at is
'When the row was inserted.';
comment on column content.question_answer_keys.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table content.question_transitions (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    question_id uuid not null,
    version integer not null,
    from_status content.question_status not null,
    to_status content.question_status not null,
    actor_id uuid not null,
    reason text,
    created_at timestamptz not null default now(),
    constraint pk_question_transitions primary key (tenant_id, id),
    constraint fk_question_transitions_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_question_transitions_question_version foreign key (
        tenant_id, question_id, version
    ) references content.question_versions (tenant_id, question_id, version),
    constraint fk_question_transitions_tenant_id_actor_id foreign key (tenant_id, actor_id)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_question_transitions_status_changes check (from_status <> to_status),
    constraint check_question_transitions_rejection_has_reason check (
        to_status <> 'rejected' or reason is not null
    ),
    constraint check_question_transitions_reason_length check (
        reason ~ '[^[:space:]]' and char_length(reason) <= 2000
    )
);

create index index_question_transitions_on_question_version
on content.question_transitions (tenant_id, question_id, version, created_at);

create index index_question_transitions_on_tenant_id_and_actor_id
on content.question_transitions (tenant_id, actor_id);

alter table content.question_transitions enable row level security;
alter table content.question_transitions force row level security;

comment on table content.question_transitions is
'Append-only history of the review states of question versions. Inserting a row is how a '
'status changes: a trigger checks the change (IL221) and the actor (IL222), then updates the '
'version.';
comment on column content.question_transitions.tenant_id is
'The tenant of the question.';
comment on column content.question_transitions.id is
'Transition id (UUID version 7); the key is (tenant_id, id).';
comment on column content.question_transitions.question_id is
'The question.';
comment on column content.question_transitions.version is
'The question version whose status changed.';
comment on column content.question_transitions.from_status is
'Status before the change; the trigger apply_transition sets it from the version.';
comment on column content.question_transitions.to_status is
'Status after the change.';
comment on column content.question_transitions.actor_id is
'The teacher or admin who made the change; the trigger apply_transition sets it to the '
'request''s user.';
comment on column content.question_transitions.reason is
'Why the change was made, required for a rejection: not blank, at most 2000 characters.';
comment on column content.question_transitions.created_at is
'When the change was made.';
