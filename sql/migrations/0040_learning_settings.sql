-- Add learning.lesson_settings and learning.video_settings: completion and grading rules.
-- depends: 0025_content_questions
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants,
-- content.lessons and content.videos until commit, which blocks writes to them while this short
-- migration runs. Nothing existing is rewritten or scanned.

create type learning.grade_policy as enum ('highest', 'latest', 'first', 'average');

comment on type learning.grade_policy is
'Which graded attempts give a student''s current score on a question version: highest (the '
'best score), latest (the graded attempt with the highest number), first (the graded attempt '
'with the lowest number) or average (the mean of all graded scores). Attempts waiting for a '
'teacher count only once graded.';

create type learning.ordering_strategy as enum ('exact', 'position', 'pairwise');

comment on type learning.ordering_strategy is
'How an ordering answer earns credit: exact (full credit for the exact order, none otherwise), '
'position (the fraction of items placed at their correct position) or pairwise (the fraction '
'of item pairs placed in their correct relative order).';

create type learning.matching_strategy as enum ('exact', 'per_pair');

comment on type learning.matching_strategy is
'How a matching answer earns credit: exact (full credit when every pair of the answer key is '
'matched and no other pair is given, none otherwise) or per_pair (the fraction of key pairs '
'matched, minus the fraction of wrong pairs given, at least 0).';

create table learning.lesson_settings (
    tenant_id uuid not null,
    lesson_id uuid not null,
    completion_threshold numeric(4, 3) not null default 0.9,
    grade_policy learning.grade_policy not null default 'highest',
    ordering_strategy learning.ordering_strategy not null default 'pairwise',
    matching_strategy learning.matching_strategy not null default 'per_pair',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_lesson_settings primary key (tenant_id, lesson_id),
    constraint fk_lesson_settings_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- Settings mean nothing without their lesson.
    constraint fk_lesson_settings_tenant_id_lesson_id foreign key (tenant_id, lesson_id)
    references content.lessons (tenant_id, id) on delete cascade,
    constraint check_lesson_settings_completion_threshold check (
        completion_threshold > 0 and completion_threshold <= 1
    )
);

alter table learning.lesson_settings enable row level security;
alter table learning.lesson_settings force row level security;

comment on table learning.lesson_settings is
'Completion and grading rules of one lesson. A lesson without a row uses the column defaults, '
'which learning.effective_settings() applies.';
comment on column learning.lesson_settings.tenant_id is
'The tenant of the lesson.';
comment on column learning.lesson_settings.lesson_id is
'The lesson these rules apply to.';
comment on column learning.lesson_settings.completion_threshold is
'Watched fraction, above 0 and at most 1, at which a video of the lesson counts as completed; '
'learning.video_settings can override it per video. Default 0.9.';
comment on column learning.lesson_settings.grade_policy is
'Which graded attempts give the current score of a question of the lesson; see the type '
'learning.grade_policy. Changing it recomputes the stored current scores of the lesson.';
comment on column learning.lesson_settings.ordering_strategy is
'How ordering questions of the lesson earn credit; see the type learning.ordering_strategy.';
comment on column learning.lesson_settings.matching_strategy is
'How matching questions of the lesson earn credit; see the type learning.matching_strategy.';
comment on column learning.lesson_settings.created_at is
'When the row was inserted.';
comment on column learning.lesson_settings.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table learning.video_settings (
    tenant_id uuid not null,
    video_id uuid not null,
    lesson_id uuid not null,
    completion_threshold numeric(4, 3) not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_video_settings primary key (tenant_id, video_id),
    constraint fk_video_settings_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- The video's key includes lesson_id, so lesson_id always names the video's lesson, which
    -- the write policies check.
    constraint fk_video_settings_tenant_id_lesson_id_video_id foreign key (
        tenant_id, lesson_id, video_id
    ) references content.videos (tenant_id, lesson_id, id) on delete cascade,
    constraint check_video_settings_completion_threshold check (
        completion_threshold > 0 and completion_threshold <= 1
    )
);

-- Serves the foreign key to content.videos.
create index index_video_settings_on_tenant_id_and_lesson_id_and_video_id
on learning.video_settings (tenant_id, lesson_id, video_id);

alter table learning.video_settings enable row level security;
alter table learning.video_settings force row level security;

comment on table learning.video_settings is
'Per-video override of the completion threshold of its lesson.';
comment on column learning.video_settings.tenant_id is
'The tenant of the video.';
comment on column learning.video_settings.video_id is
'The video this threshold applies to.';
comment on column learning.video_settings.lesson_id is
'The lesson of the video, copied so that the policies need no join; the foreign key to '
'content.videos keeps it equal to the video''s lesson.';
comment on column learning.video_settings.completion_threshold is
'Watched fraction, above 0 and at most 1, at which the video counts as completed.';
comment on column learning.video_settings.created_at is
'When the row was inserted.';
comment on column learning.video_settings.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
