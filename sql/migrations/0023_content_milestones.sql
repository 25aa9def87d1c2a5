-- Add content.milestones: points in a video where playback stops for a question or a checkpoint.
-- depends: 0022_content_videos
-- Lock impact: the new foreign key takes a share row exclusive lock on tenancy.tenants until
-- commit, which blocks writes to it while this short migration runs. Nothing existing is
-- rewritten or scanned.

create type content.milestone_kind as enum ('question', 'checkpoint', 'chapter');

comment on type content.milestone_kind is
'Kind of milestone: question (students answer the questions attached to it), checkpoint '
'(progress is recorded when it is reached) or chapter (a named section start in the player).';

create table content.milestones (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    lesson_id uuid not null,
    video_id uuid not null,
    position_ms integer not null,
    sort_order smallint not null default 0,
    kind content.milestone_kind not null,
    title text,
    pause_playback boolean not null default true,
    require_correct_answer boolean not null default false,
    seek_back_to_ms integer,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_milestones primary key (tenant_id, id),
    constraint fk_milestones_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- The video's key includes lesson_id, so lesson_id always names the video's lesson.
    constraint fk_milestones_tenant_id_lesson_id_video_id foreign key (
        tenant_id, lesson_id, video_id
    ) references content.videos (tenant_id, lesson_id, id) on delete cascade,
    -- This key's index also serves the three reads of a player: every milestone of a video in
    -- order, the next milestone after a position, and the milestones in a window [from, to).
    -- Deferrable, so that one transaction can swap the order of two milestones at one instant.
    constraint unique_milestones_video_id_position_ms_sort_order unique (
        tenant_id, video_id, position_ms, sort_order
    ) deferrable initially immediate,
    -- Target of the foreign key from content.questions, which accepts only question milestones
    -- of the same lesson.
    constraint unique_milestones_lesson_id_id_kind unique (tenant_id, lesson_id, id, kind),
    constraint check_milestones_position_not_negative check (position_ms >= 0),
    constraint check_milestones_sort_order_not_negative check (sort_order >= 0),
    constraint check_milestones_title_length check (
        title ~ '[^[:space:]]' and char_length(title) <= 200
    ),
    constraint check_milestones_chapter_has_title check (kind <> 'chapter' or title is not null),
    constraint check_milestones_answer_rules_only_for_questions check (
        kind = 'question' or (not require_correct_answer and seek_back_to_ms is null)
    ),
    constraint check_milestones_seek_back_before_position check (
        seek_back_to_ms >= 0 and seek_back_to_ms < position_ms
    )
);

-- Serves the foreign key to videos, and lists the milestones of a lesson.
create index index_milestones_on_tenant_id_and_lesson_id_and_video_id
on content.milestones (tenant_id, lesson_id, video_id);

alter table content.milestones enable row level security;
alter table content.milestones force row level security;

comment on table content.milestones is
'A point in a video, in milliseconds, where the player stops for questions, records a '
'checkpoint or starts a chapter. Its position never exceeds the video''s duration (IL202 on '
'insert or update, IL201 when the duration shrinks).';
comment on column content.milestones.tenant_id is
'The tenant of the video.';
comment on column content.milestones.id is
'Milestone id (UUID version 7); the key is (tenant_id, id).';
comment on column content.milestones.lesson_id is
'The lesson of the video, copied so that row-level security needs no join; the foreign key to '
'videos keeps it equal to the video''s lesson.';
comment on column content.milestones.video_id is
'The video the milestone is in.';
comment on column content.milestones.position_ms is
'Position in the video in milliseconds, from 0 up to the video''s duration included.';
comment on column content.milestones.sort_order is
'Order among the milestones of the video at the same position_ms, from 0 up; (video, '
'position_ms, sort_order) is unique.';
comment on column content.milestones.kind is
'What happens at the milestone; see the type content.milestone_kind.';
comment on column content.milestones.title is
'Title shown in the player, required for chapters: not blank, at most 200 characters.';
comment on column content.milestones.pause_playback is
'Whether the player pauses when it reaches the milestone.';
comment on column content.milestones.require_correct_answer is
'Whether the student must answer correctly before playback continues; question milestones '
'only.';
comment on column content.milestones.seek_back_to_ms is
'Position in milliseconds the player seeks back to after a wrong answer, before position_ms; '
'null means no seek. Question milestones only.';
comment on column content.milestones.created_at is
'When the row was inserted.';
comment on column content.milestones.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
