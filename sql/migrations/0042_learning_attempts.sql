-- Add question attempts, the teachers' grades of attempts and per-question results.
-- depends: 0041_learning_progress
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants,
-- tenancy.memberships and content.question_versions until commit, which blocks writes to them
-- while this short migration runs. Nothing existing is rewritten or scanned.

create type learning.attempt_status as enum ('graded', 'needs_grading');

comment on type learning.attempt_status is
'Grading state of an attempt: graded (it has a score, from auto-grading or a teacher) or '
'needs_grading (a free-text answer waiting for a teacher).';

create type learning.answer_outcome as enum ('correct', 'partially_correct', 'incorrect');

comment on type learning.answer_outcome is
'Correctness of an auto-graded answer before any retry penalty: correct (full credit), '
'partially_correct (some credit) or incorrect (none).';

create table learning.question_attempts (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    user_id uuid not null,
    question_id uuid not null,
    question_version integer not null,
    attempt_number smallint not null,
    response jsonb not null,
    status learning.attempt_status not null,
    outcome learning.answer_outcome,
    auto_score numeric(6, 2),
    penalty_points numeric(6, 2) not null default 0,
    score numeric(6, 2),
    max_score numeric(6, 2) not null,
    feedback text,
    graded_by uuid,
    graded_at timestamptz,
    submitted_at timestamptz not null default now(),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_question_attempts primary key (tenant_id, id),
    constraint fk_question_attempts_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_question_attempts_tenant_id_user_id foreign key (tenant_id, user_id)
    references tenancy.memberships (tenant_id, user_id),
    constraint fk_question_attempts_question_version foreign key (
        tenant_id, question_id, question_version
    ) references content.question_versions (tenant_id, question_id, version),
    constraint fk_question_attempts_tenant_id_graded_by foreign key (tenant_id, graded_by)
    references tenancy.memberships (tenant_id, user_id),
    -- The backstop of the attempt limit: learning.submit_answer() numbers attempts while it holds
    -- the lock of the student's learning.question_results row, so two submissions never share a
    -- number.
    constraint unique_question_attempts_user_id_version_attempt_number unique (
        tenant_id, user_id, question_id, question_version, attempt_number
    ),
    constraint check_question_attempts_attempt_number_positive check (attempt_number > 0),
    constraint check_question_attempts_response_is_object check (
        jsonb_typeof(response) = 'object'
    ),
    constraint check_question_attempts_scores check (
        max_score >= 0
        and penalty_points >= 0
        and auto_score >= 0 and auto_score <= max_score
        and score >= 0 and score <= max_score
    ),
    constraint check_question_attempts_graded_has_score check (
        (status = 'graded') = (score is not null and graded_at is not null)
    ),
    constraint check_question_attempts_outcome_needs_auto_score check (
        outcome is null or auto_score is not null
    ),
    constraint check_question_attempts_feedback_length check (char_length(feedback) <= 5000)
);

-- Lists the attempts on one question version, and serves its foreign key.
create index index_question_attempts_on_tenant_id_and_question_version
on learning.question_attempts (tenant_id, question_id, question_version);

-- Serves the foreign key of graded_by.
create index index_question_attempts_on_tenant_id_and_graded_by
on learning.question_attempts (tenant_id, graded_by);

alter table learning.question_attempts enable row level security;
alter table learning.question_attempts force row level security;

comment on table learning.question_attempts is
'One answer of a student to an approved question version, numbered from 1 per student and '
'version, with its grade. Written by learning.submit_answer() and learning.grade_attempt().';
comment on column learning.question_attempts.tenant_id is
'The tenant of the student and the question.';
comment on column learning.question_attempts.id is
'Attempt id (UUID version 7, or chosen by the client to make a submission idempotent); the key '
'is (tenant_id, id).';
comment on column learning.question_attempts.user_id is
'The student who answered.';
comment on column learning.question_attempts.question_id is
'The question answered.';
comment on column learning.question_attempts.question_version is
'The exact version answered, whose type and key graded the response.';
comment on column learning.question_attempts.attempt_number is
'1 for the student''s first attempt on this version, then 2, 3 and so on, never above the '
'version''s max_attempts.';
comment on column learning.question_attempts.response is
'The answer as a JSON object whose shape depends on the question type (see docs/learning.md), '
'checked by learning.validate_response() (IL323).';
comment on column learning.question_attempts.status is
'graded or needs_grading; see the type learning.attempt_status.';
comment on column learning.question_attempts.outcome is
'Correctness found by auto-grading, before the retry penalty; null for free text and polls.';
comment on column learning.question_attempts.auto_score is
'Score given by auto-grading, after the retry penalty; null when the type is graded by a '
'teacher. Kept when a teacher overrides the score.';
comment on column learning.question_attempts.penalty_points is
'Points deducted by auto-grading for the earlier attempts: the version''s retry_penalty_points '
'times (attempt_number - 1), at most what the answer earned.';
comment on column learning.question_attempts.score is
'Current score, from 0 to max_score: the teacher''s grade when there is one, else auto_score; '
'null while waiting for a teacher.';
comment on column learning.question_attempts.max_score is
'The version''s points when the attempt was made (0 for polls).';
comment on column learning.question_attempts.feedback is
'Feedback shown to the student: the version''s feedback for the outcome, or the teacher''s; at '
'most 5000 characters.';
comment on column learning.question_attempts.graded_by is
'The teacher or admin who gave the current score; null when auto-grading gave it.';
comment on column learning.question_attempts.graded_at is
'When the current score was given.';
comment on column learning.question_attempts.submitted_at is
'When the server received the answer.';
comment on column learning.question_attempts.created_at is
'When the row was inserted.';
comment on column learning.question_attempts.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table learning.attempt_grades (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    attempt_id uuid not null,
    score numeric(6, 2) not null,
    previous_score numeric(6, 2),
    feedback text,
    graded_by uuid not null,
    graded_at timestamptz not null default now(),
    constraint pk_attempt_grades primary key (tenant_id, id),
    constraint fk_attempt_grades_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_attempt_grades_tenant_id_attempt_id foreign key (tenant_id, attempt_id)
    references learning.question_attempts (tenant_id, id),
    constraint fk_attempt_grades_tenant_id_graded_by foreign key (tenant_id, graded_by)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_attempt_grades_scores_not_negative check (
        score >= 0 and previous_score >= 0
    ),
    constraint check_attempt_grades_feedback_length check (char_length(feedback) <= 5000)
);

-- The grading history of one attempt, in order; serves the foreign key to attempts.
create index index_attempt_grades_on_tenant_id_attempt_id_graded_at
on learning.attempt_grades (tenant_id, attempt_id, graded_at);

-- Serves the foreign key of graded_by.
create index index_attempt_grades_on_tenant_id_and_graded_by
on learning.attempt_grades (tenant_id, graded_by);

alter table learning.attempt_grades enable row level security;
alter table learning.attempt_grades force row level security;

comment on table learning.attempt_grades is
'Append-only record of every grade a teacher or admin gave an attempt, first grades and '
'overrides alike: who, when, the score and the score it replaced. Written by '
'learning.grade_attempt().';
comment on column learning.attempt_grades.tenant_id is
'The tenant of the attempt.';
comment on column learning.attempt_grades.id is
'Grade id (UUID version 7); the key is (tenant_id, id).';
comment on column learning.attempt_grades.attempt_id is
'The attempt graded.';
comment on column learning.attempt_grades.score is
'The score given, from 0 to the attempt''s max_score.';
comment on column learning.attempt_grades.previous_score is
'The attempt''s score before this grade: null for a first grade of a free-text answer, set for '
'an override.';
comment on column learning.attempt_grades.feedback is
'The feedback given with the grade, at most 5000 characters.';
comment on column learning.attempt_grades.graded_by is
'The teacher or admin who gave the grade.';
comment on column learning.attempt_grades.graded_at is
'When the grade was given.';

create table learning.question_results (
    tenant_id uuid not null,
    user_id uuid not null,
    question_id uuid not null,
    question_version integer not null,
    lesson_id uuid not null,
    attempt_count smallint not null default 0,
    graded_count smallint not null default 0,
    pending_count smallint not null default 0,
    grade_policy learning.grade_policy not null,
    current_score numeric(6, 2),
    max_score numeric(6, 2) not null,
    last_submitted_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_question_results primary key (tenant_id, user_id, question_id, question_version),
    constraint fk_question_results_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_question_results_tenant_id_user_id foreign key (tenant_id, user_id)
    references tenancy.memberships (tenant_id, user_id),
    constraint fk_question_results_question_version foreign key (
        tenant_id, question_id, question_version
    ) references content.question_versions (tenant_id, question_id, version),
    constraint check_question_results_counts check (
        graded_count >= 0
        and pending_count >= 0
        and graded_count + pending_count = attempt_count
    ),
    constraint check_question_results_current_score check (
        current_score >= 0 and current_score <= max_score
    ),
    constraint check_question_results_score_needs_graded_attempt check (
        (current_score is null) = (graded_count = 0)
    )
);

-- Serves the foreign key to question versions.
create index index_question_results_on_tenant_id_and_question_version
on learning.question_results (tenant_id, question_id, question_version);

-- Finds the results of a lesson, which change when its grade policy changes.
create index index_question_results_on_tenant_id_and_lesson_id
on learning.question_results (tenant_id, lesson_id);

alter table learning.question_results enable row level security;
alter table learning.question_results force row level security;

comment on table learning.question_results is
'A student''s standing on one question version: attempt counts and the current score under the '
'lesson''s grade policy. learning.submit_answer() locks this row to number attempts, so the '
'attempt limit holds under concurrent submissions.';
comment on column learning.question_results.tenant_id is
'The tenant of the student and the question.';
comment on column learning.question_results.user_id is
'The student.';
comment on column learning.question_results.question_id is
'The question.';
comment on column learning.question_results.question_version is
'The question version.';
comment on column learning.question_results.lesson_id is
'The lesson of the question, copied from content.questions (whose lesson_id cannot change) so '
'that a change of the lesson''s grade policy finds the rows to recompute.';
comment on column learning.question_results.attempt_count is
'Number of attempts made, which is also the number of the latest attempt.';
comment on column learning.question_results.graded_count is
'Number of attempts with a score.';
comment on column learning.question_results.pending_count is
'Number of attempts waiting for a teacher.';
comment on column learning.question_results.grade_policy is
'The lesson''s grade policy used for current_score.';
comment on column learning.question_results.current_score is
'The student''s score on the question under grade_policy, over the graded attempts only; null '
'while no attempt is graded.';
comment on column learning.question_results.max_score is
'The version''s points (0 for polls).';
comment on column learning.question_results.last_submitted_at is
'When the latest attempt was submitted.';
comment on column learning.question_results.created_at is
'When the row was inserted.';
comment on column learning.question_results.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
