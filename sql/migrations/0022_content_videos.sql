-- Add content.video_groups, content.videos, and their renditions and text tracks.
-- depends: 0021_content_storage_objects
-- Lock impact: only tables of this change and of 0020 and 0021 are referenced; the foreign
-- keys to tenancy.tenants take a share row exclusive lock on it until commit, which blocks
-- writes to it while this short migration runs. Nothing existing is rewritten or scanned.

create table content.video_groups (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    lesson_id uuid not null,
    position integer not null,
    title text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_video_groups primary key (tenant_id, id),
    constraint fk_video_groups_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_video_groups_tenant_id_lesson_id foreign key (tenant_id, lesson_id)
    references content.lessons (tenant_id, id) on delete cascade,
    -- Deferrable, so that one transaction can swap or shift positions and be checked at commit.
    constraint unique_video_groups_lesson_id_position unique (tenant_id, lesson_id, position)
    deferrable initially immediate,
    -- Target of the foreign key from content.videos, which keeps each video's lesson_id equal to
    -- the lesson of its group.
    constraint unique_video_groups_lesson_id_id unique (tenant_id, lesson_id, id),
    constraint check_video_groups_position_not_negative check (position >= 0),
    constraint check_video_groups_title_length check (
        title ~ '[^[:space:]]' and char_length(title) <= 200
    )
);

alter table content.video_groups enable row level security;
alter table content.video_groups force row level security;

comment on table content.video_groups is
'An ordered section of a lesson that contains videos.';
comment on column content.video_groups.tenant_id is
'The tenant of the lesson.';
comment on column content.video_groups.id is
'Video group id (UUID version 7); the key is (tenant_id, id).';
comment on column content.video_groups.lesson_id is
'The lesson the group belongs to.';
comment on column content.video_groups.position is
'Place of the group in its lesson, from 0 up, unique per lesson (checked at commit when the '
'constraint is set deferred). Gaps are allowed.';
comment on column content.video_groups.title is
'Optional section title: not blank, at most 200 characters.';
comment on column content.video_groups.created_at is
'When the row was inserted.';
comment on column content.video_groups.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create type content.video_processing_status as enum (
    'uploaded', 'transcoding', 'ready', 'failed'
);

comment on type content.video_processing_status is
'Processing state of a video: uploaded (the source object exists), transcoding (renditions are '
'being made), ready (playable), failed (transcoding failed; failure_reason says why). Legal '
'changes: uploaded to transcoding or failed, transcoding to ready or failed, failed to '
'transcoding (retry), ready to transcoding (new renditions).';

create table content.videos (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    lesson_id uuid not null,
    video_group_id uuid not null,
    position integer not null,
    title text not null,
    storage_object_id uuid not null,
    storage_object_kind content.storage_object_kind not null generated always as (
        'video_source'
    ) stored,
    duration_ms integer,
    width integer,
    height integer,
    processing_status content.video_processing_status not null default 'uploaded',
    uploaded_at timestamptz not null default now(),
    transcoding_started_at timestamptz,
    ready_at timestamptz,
    failed_at timestamptz,
    failure_reason text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_videos primary key (tenant_id, id),
    constraint fk_videos_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- The group's key includes lesson_id, so lesson_id always names the group's lesson.
    constraint fk_videos_tenant_id_lesson_id_video_group_id foreign key (
        tenant_id, lesson_id, video_group_id
    ) references content.video_groups (tenant_id, lesson_id, id) on delete cascade,
    constraint fk_videos_tenant_id_storage_object_id foreign key (
        tenant_id, storage_object_id, storage_object_kind
    ) references content.storage_objects (tenant_id, id, kind),
    -- lesson_id adds nothing to the uniqueness (a group has one lesson), but lets this key's
    -- index serve the foreign key to video_groups.
    constraint unique_videos_lesson_id_video_group_id_position unique (
        tenant_id, lesson_id, video_group_id, position
    ) deferrable initially immediate,
    -- The kind is constant here; it is in the key so that the index serves the foreign key.
    constraint unique_videos_storage_object_id unique (
        tenant_id, storage_object_id, storage_object_kind
    ),
    -- Target of the foreign key from content.milestones, which keeps lesson_id consistent.
    constraint unique_videos_lesson_id_id unique (tenant_id, lesson_id, id),
    constraint check_videos_position_not_negative check (position >= 0),
    constraint check_videos_title_length check (
        title ~ '[^[:space:]]' and char_length(title) <= 200
    ),
    constraint check_videos_duration_positive check (duration_ms > 0),
    constraint check_videos_dimensions check (
        (width is null) = (height is null) and width > 0 and height > 0
    ),
    constraint check_videos_ready_has_metadata check (
        processing_status <> 'ready'
        or (duration_ms is not null and width is not null and ready_at is not null)
    ),
    constraint check_videos_transcoding_started check (
        processing_status <> 'transcoding' or transcoding_started_at is not null
    ),
    constraint check_videos_failed_has_reason check (
        processing_status <> 'failed' or (failed_at is not null and failure_reason is not null)
    ),
    constraint check_videos_failure_reason_length check (
        failure_reason ~ '[^[:space:]]' and char_length(failure_reason) <= 2000
    )
);

alter table content.videos enable row level security;
alter table content.videos force row level security;

comment on table content.videos is
'A video in a group of a lesson, stored in Cloud Storage, with its processing state.';
comment on column content.videos.tenant_id is
'The tenant of the lesson.';
comment on column content.videos.id is
'Video id (UUID version 7); the key is (tenant_id, id).';
comment on column content.videos.lesson_id is
'The lesson of the video''s group, copied so that row-level security and lookups need no join; '
'the foreign key to video_groups keeps it equal to the group''s lesson.';
comment on column content.videos.video_group_id is
'The group the video belongs to.';
comment on column content.videos.position is
'Place of the video in its group, from 0 up, unique per group (checked at commit when the '
'constraint is set deferred). Gaps are allowed.';
comment on column content.videos.title is
'Title shown to students: not blank, at most 200 characters.';
comment on column content.videos.storage_object_id is
'The uploaded source object in content.storage_objects, used by no other row.';
comment on column content.videos.storage_object_kind is
'Always video_source; part of the foreign key so that the object''s kind matches this table.';
comment on column content.videos.duration_ms is
'Duration in milliseconds, known once the video is probed; required when ready. Cannot become '
'shorter than a milestone of the video (error IL201).';
comment on column content.videos.width is
'Frame width in pixels of the source; set together with height.';
comment on column content.videos.height is
'Frame height in pixels of the source; set together with width.';
comment on column content.videos.processing_status is
'Processing state; see the type content.video_processing_status. An illegal change raises IL200.';
comment on column content.videos.uploaded_at is
'When the source object was uploaded.';
comment on column content.videos.transcoding_started_at is
'When transcoding last started; set by the trigger check_processing_transition.';
comment on column content.videos.ready_at is
'When the video last became ready; set by the trigger check_processing_transition.';
comment on column content.videos.failed_at is
'When processing last failed; set by the trigger check_processing_transition.';
comment on column content.videos.failure_reason is
'Why processing last failed, as the transcoder reports it; required when failed.';
comment on column content.videos.created_at is
'When the row was inserted.';
comment on column content.videos.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table content.video_renditions (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    video_id uuid not null,
    profile text not null,
    storage_object_id uuid not null,
    storage_object_kind content.storage_object_kind not null generated always as (
        'video_rendition'
    ) stored,
    width integer not null,
    height integer not null,
    bitrate_bps integer not null,
    created_at timestamptz not null default now(),
    constraint pk_video_renditions primary key (tenant_id, id),
    constraint fk_video_renditions_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_video_renditions_tenant_id_video_id foreign key (tenant_id, video_id)
    references content.videos (tenant_id, id) on delete cascade,
    constraint fk_video_renditions_tenant_id_storage_object_id foreign key (
        tenant_id, storage_object_id, storage_object_kind
    ) references content.storage_objects (tenant_id, id, kind),
    constraint unique_video_renditions_video_id_profile unique (tenant_id, video_id, profile),
    constraint unique_video_renditions_storage_object_id unique (
        tenant_id, storage_object_id, storage_object_kind
    ),
    constraint check_video_renditions_profile_format check (
        profile ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'
    ),
    constraint check_video_renditions_dimensions check (width > 0 and height > 0),
    constraint check_video_renditions_bitrate_positive check (bitrate_bps > 0)
);

alter table content.video_renditions enable row level security;
alter table content.video_renditions force row level security;

comment on table content.video_renditions is
'An encoding of a video for one encoding profile, stored as its own Cloud Storage object.';
comment on column content.video_renditions.tenant_id is
'The tenant of the video.';
comment on column content.video_renditions.id is
'Rendition id (UUID version 7); the key is (tenant_id, id).';
comment on column content.video_renditions.video_id is
'The video this rendition encodes.';
comment on column content.video_renditions.profile is
'Encoding profile name such as 720p-h264 or hls-1080p: 1 to 63 lowercase letters, digits, '
'dots, dashes and underscores. One rendition per profile and video.';
comment on column content.video_renditions.storage_object_id is
'The rendition''s object in content.storage_objects, used by no other row.';
comment on column content.video_renditions.storage_object_kind is
'Always video_rendition; part of the foreign key so that the object''s kind matches this table.';
comment on column content.video_renditions.width is
'Frame width in pixels.';
comment on column content.video_renditions.height is
'Frame height in pixels.';
comment on column content.video_renditions.bitrate_bps is
'Average bitrate in bits per second.';
comment on column content.video_renditions.created_at is
'When the row was inserted.';

create type content.text_track_kind as enum ('captions', 'transcript');

comment on type content.text_track_kind is
'Kind of text track: captions (timed text shown over the video, such as WebVTT) or transcript '
'(the full spoken text with timings, also the input of question generation).';

create table content.video_text_tracks (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    video_id uuid not null,
    kind content.text_track_kind not null,
    language text not null,
    label text,
    storage_object_id uuid not null,
    storage_object_kind content.storage_object_kind not null generated always as (
        'video_text_track'
    ) stored,
    created_at timestamptz not null default now(),
    constraint pk_video_text_tracks primary key (tenant_id, id),
    constraint fk_video_text_tracks_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_video_text_tracks_tenant_id_video_id foreign key (tenant_id, video_id)
    references content.videos (tenant_id, id) on delete cascade,
    constraint fk_video_text_tracks_tenant_id_storage_object_id foreign key (
        tenant_id, storage_object_id, storage_object_kind
    ) references content.storage_objects (tenant_id, id, kind),
    constraint unique_video_text_tracks_video_id_kind_language unique (
        tenant_id, video_id, kind, language
    ),
    constraint unique_video_text_tracks_storage_object_id unique (
        tenant_id, storage_object_id, storage_object_kind
    ),
    constraint check_video_text_tracks_language_format check (app.is_valid_locale_tag(language)),
    constraint check_video_text_tracks_label_length check (
        label ~ '[^[:space:]]' and char_length(label) <= 100
    )
);

alter table content.video_text_tracks enable row level security;
alter table content.video_text_tracks force row level security;

comment on table content.video_text_tracks is
'A captions or transcript track of a video in one language, stored as its own Cloud Storage '
'object.';
comment on column content.video_text_tracks.tenant_id is
'The tenant of the video.';
comment on column content.video_text_tracks.id is
'Text track id (UUID version 7); the key is (tenant_id, id).';
comment on column content.video_text_tracks.video_id is
'The video the track belongs to.';
comment on column content.video_text_tracks.kind is
'Captions or transcript; see the type content.text_track_kind. One track per kind, language '
'and video.';
comment on column content.video_text_tracks.language is
'Language of the track as a locale tag such as en or fr-FR.';
comment on column content.video_text_tracks.label is
'Optional label shown in the player''s track menu, such as "English (auto)": not blank, at '
'most 100 characters.';
comment on column content.video_text_tracks.storage_object_id is
'The track''s object in content.storage_objects, used by no other row.';
comment on column content.video_text_tracks.storage_object_kind is
'Always video_text_track; part of the foreign key so that the object''s kind matches this '
'table.';
comment on column content.video_text_tracks.created_at is
'When the row was inserted.';
