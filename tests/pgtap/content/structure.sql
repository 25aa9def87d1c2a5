-- The content schema: tables, column types, keys, indexes, enums, comments, triggers and
-- functions. Project-wide naming and key rules are in tests/pgtap/catalog/conventions.sql.
begin;
select plan(96);

select tables_are(
    'content',
    array[
        'lessons', 'lesson_assignments', 'storage_objects', 'video_groups', 'videos',
        'video_renditions', 'video_text_tracks', 'milestones', 'generation_jobs', 'questions',
        'question_versions', 'question_answer_keys', 'question_transitions'
    ]::name[],
    'content has exactly the content model tables'
);

-- Columns: name, type and not null, in table order.

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.lessons'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('author_id', 'uuid', true),
        ('title', 'text', true),
        ('description', 'text', true),
        ('language', 'text', true),
        ('status', 'content.lesson_status', true),
        ('version', 'integer', true),
        ('published_at', 'timestamp with time zone', false),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true),
        ('search_vector', 'tsvector', true)
    $$,
    'content.lessons has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.lesson_assignments'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('lesson_id', 'uuid', true),
        ('class_id', 'uuid', true),
        ('assigned_by', 'uuid', true),
        ('assigned_at', 'timestamp with time zone', true),
        ('due_at', 'timestamp with time zone', false),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.lesson_assignments has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.storage_objects'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('kind', 'content.storage_object_kind', true),
        ('bucket', 'text', true),
        ('object_name', 'text', true),
        ('generation', 'bigint', true),
        ('content_type', 'text', true),
        ('size_bytes', 'bigint', true),
        ('crc32c', 'text', true),
        ('md5_hash', 'text', false),
        ('created_at', 'timestamp with time zone', true)
    $$,
    'content.storage_objects has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.video_groups'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('lesson_id', 'uuid', true),
        ('position', 'integer', true),
        ('title', 'text', false),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.video_groups has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.videos'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('lesson_id', 'uuid', true),
        ('video_group_id', 'uuid', true),
        ('position', 'integer', true),
        ('title', 'text', true),
        ('storage_object_id', 'uuid', true),
        ('storage_object_kind', 'content.storage_object_kind', true),
        ('duration_ms', 'integer', false),
        ('width', 'integer', false),
        ('height', 'integer', false),
        ('processing_status', 'content.video_processing_status', true),
        ('uploaded_at', 'timestamp with time zone', true),
        ('transcoding_started_at', 'timestamp with time zone', false),
        ('ready_at', 'timestamp with time zone', false),
        ('failed_at', 'timestamp with time zone', false),
        ('failure_reason', 'text', false),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.videos has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.video_renditions'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('video_id', 'uuid', true),
        ('profile', 'text', true),
        ('storage_object_id', 'uuid', true),
        ('storage_object_kind', 'content.storage_object_kind', true),
        ('width', 'integer', true),
        ('height', 'integer', true),
        ('bitrate_bps', 'integer', true),
        ('created_at', 'timestamp with time zone', true)
    $$,
    'content.video_renditions has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.video_text_tracks'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('video_id', 'uuid', true),
        ('kind', 'content.text_track_kind', true),
        ('language', 'text', true),
        ('label', 'text', false),
        ('storage_object_id', 'uuid', true),
        ('storage_object_kind', 'content.storage_object_kind', true),
        ('created_at', 'timestamp with time zone', true)
    $$,
    'content.video_text_tracks has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.milestones'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('lesson_id', 'uuid', true),
        ('video_id', 'uuid', true),
        ('position_ms', 'integer', true),
        ('sort_order', 'smallint', true),
        ('kind', 'content.milestone_kind', true),
        ('title', 'text', false),
        ('pause_playback', 'boolean', true),
        ('require_correct_answer', 'boolean', true),
        ('seek_back_to_ms', 'integer', false),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.milestones has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.generation_jobs'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('video_id', 'uuid', true),
        ('requested_by', 'uuid', true),
        ('model', 'text', true),
        ('prompt_template', 'text', true),
        ('prompt_template_version', 'text', true),
        ('status', 'content.generation_job_status', true),
        ('input_tokens', 'integer', true),
        ('output_tokens', 'integer', true),
        ('cost_usd', 'numeric(12,6)', true),
        ('error', 'text', false),
        ('created_at', 'timestamp with time zone', true),
        ('started_at', 'timestamp with time zone', false),
        ('finished_at', 'timestamp with time zone', false),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.generation_jobs has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.questions'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('lesson_id', 'uuid', true),
        ('milestone_id', 'uuid', true),
        ('milestone_kind', 'content.milestone_kind', true),
        ('position', 'integer', true),
        ('created_by', 'uuid', true),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.questions has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.question_versions'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('question_id', 'uuid', true),
        ('version', 'integer', true),
        ('question_type', 'content.question_type', true),
        ('prompt', 'jsonb', true),
        ('points', 'numeric(6,2)', true),
        ('retry_penalty_points', 'numeric(6,2)', true),
        ('max_attempts', 'smallint', false),
        ('hints', 'jsonb', true),
        ('feedback', 'jsonb', true),
        ('status', 'content.question_status', true),
        ('status_changed_at', 'timestamp with time zone', true),
        ('created_by', 'uuid', true),
        ('generation_job_id', 'uuid', false),
        ('prompt_sha256', 'text', false),
        ('transcript_range_ms', 'int4range', false),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.question_versions has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.question_answer_keys'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('question_id', 'uuid', true),
        ('version', 'integer', true),
        ('answer_key', 'jsonb', true),
        ('created_at', 'timestamp with time zone', true),
        ('updated_at', 'timestamp with time zone', true)
    $$,
    'content.question_answer_keys has the expected columns, types and not null constraints'
);

select results_eq(
    $$
    select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod), a.attnotnull
    from pg_catalog.pg_attribute as a
    where a.attrelid = 'content.question_transitions'::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum
    $$,
    $$
    values
        ('tenant_id', 'uuid', true),
        ('id', 'uuid', true),
        ('question_id', 'uuid', true),
        ('version', 'integer', true),
        ('from_status', 'content.question_status', true),
        ('to_status', 'content.question_status', true),
        ('actor_id', 'uuid', true),
        ('reason', 'text', false),
        ('created_at', 'timestamp with time zone', true)
    $$,
    'content.question_transitions has the expected columns, types and not null constraints'
);

-- Primary keys

select col_is_pk(
    'content', 'lessons', array['tenant_id', 'id']::name[],
    'content.lessons has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'lesson_assignments', array['tenant_id', 'lesson_id', 'class_id']::name[],
    'content.lesson_assignments has the primary key (tenant_id, lesson_id, class_id)'
);

select col_is_pk(
    'content', 'storage_objects', array['tenant_id', 'id']::name[],
    'content.storage_objects has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'video_groups', array['tenant_id', 'id']::name[],
    'content.video_groups has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'videos', array['tenant_id', 'id']::name[],
    'content.videos has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'video_renditions', array['tenant_id', 'id']::name[],
    'content.video_renditions has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'video_text_tracks', array['tenant_id', 'id']::name[],
    'content.video_text_tracks has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'milestones', array['tenant_id', 'id']::name[],
    'content.milestones has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'generation_jobs', array['tenant_id', 'id']::name[],
    'content.generation_jobs has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'questions', array['tenant_id', 'id']::name[],
    'content.questions has the primary key (tenant_id, id)'
);

select col_is_pk(
    'content', 'question_versions', array['tenant_id', 'question_id', 'version']::name[],
    'content.question_versions has the primary key (tenant_id, question_id, version)'
);

select col_is_pk(
    'content', 'question_answer_keys', array['tenant_id', 'question_id', 'version']::name[],
    'content.question_answer_keys has the primary key (tenant_id, question_id, version)'
);

select col_is_pk(
    'content', 'question_transitions', array['tenant_id', 'id']::name[],
    'content.question_transitions has the primary key (tenant_id, id)'
);

-- Foreign keys

select fk_ok(
    'content', 'generation_jobs', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'generation_jobs (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'generation_jobs', array['tenant_id', 'requested_by']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'generation_jobs (tenant_id, requested_by) references memberships (tenant_id, user_id)'
);

select fk_ok(
    'content', 'generation_jobs', array['tenant_id', 'video_id']::name[],
    'content', 'videos', array['tenant_id', 'id']::name[],
    'generation_jobs (tenant_id, video_id) references videos (tenant_id, id)'
);

select fk_ok(
    'content', 'lesson_assignments', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'lesson_assignments (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'lesson_assignments', array['tenant_id', 'assigned_by']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'lesson_assignments (tenant_id, assigned_by) references memberships (tenant_id, user_id)'
);

select fk_ok(
    'content', 'lesson_assignments', array['tenant_id', 'class_id']::name[],
    'tenancy', 'classes', array['tenant_id', 'id']::name[],
    'lesson_assignments (tenant_id, class_id) references classes (tenant_id, id)'
);

select fk_ok(
    'content', 'lesson_assignments', array['tenant_id', 'lesson_id']::name[],
    'content', 'lessons', array['tenant_id', 'id']::name[],
    'lesson_assignments (tenant_id, lesson_id) references lessons (tenant_id, id)'
);

select fk_ok(
    'content', 'lessons', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'lessons (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'lessons', array['tenant_id', 'author_id']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'lessons (tenant_id, author_id) references memberships (tenant_id, user_id)'
);

select fk_ok(
    'content', 'milestones', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'milestones (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'milestones', array['tenant_id', 'lesson_id', 'video_id']::name[],
    'content', 'videos', array['tenant_id', 'lesson_id', 'id']::name[],
    'milestones (tenant_id, lesson_id, video_id) references videos (tenant_id, lesson_id, id)'
);

select fk_ok(
    'content', 'question_answer_keys', array['tenant_id', 'question_id', 'version']::name[],
    'content', 'question_versions', array['tenant_id', 'question_id', 'version']::name[],
    'question_answer_keys (tenant_id, question_id, version) references '
    || 'question_versions (tenant_id, question_id, version)'
);

select fk_ok(
    'content', 'question_answer_keys', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'question_answer_keys (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'question_transitions', array['tenant_id', 'question_id', 'version']::name[],
    'content', 'question_versions', array['tenant_id', 'question_id', 'version']::name[],
    'question_transitions (tenant_id, question_id, version) references '
    || 'question_versions (tenant_id, question_id, version)'
);

select fk_ok(
    'content', 'question_transitions', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'question_transitions (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'question_transitions', array['tenant_id', 'actor_id']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'question_transitions (tenant_id, actor_id) references memberships (tenant_id, user_id)'
);

select fk_ok(
    'content', 'question_versions', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'question_versions (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'question_versions', array['tenant_id', 'created_by']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'question_versions (tenant_id, created_by) references memberships (tenant_id, user_id)'
);

select fk_ok(
    'content', 'question_versions', array['tenant_id', 'generation_job_id']::name[],
    'content', 'generation_jobs', array['tenant_id', 'id']::name[],
    'question_versions (tenant_id, generation_job_id) references generation_jobs (tenant_id, id)'
);

select fk_ok(
    'content', 'question_versions', array['tenant_id', 'question_id']::name[],
    'content', 'questions', array['tenant_id', 'id']::name[],
    'question_versions (tenant_id, question_id) references questions (tenant_id, id)'
);

select fk_ok(
    'content', 'questions', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'questions (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'questions', array['tenant_id', 'created_by']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'questions (tenant_id, created_by) references memberships (tenant_id, user_id)'
);

select fk_ok(
    'content', 'questions',
    array['tenant_id', 'lesson_id', 'milestone_id', 'milestone_kind']::name[],
    'content', 'milestones', array['tenant_id', 'lesson_id', 'id', 'kind']::name[],
    'questions (tenant_id, lesson_id, milestone_id, milestone_kind) references '
    || 'milestones (tenant_id, lesson_id, id, kind)'
);

select fk_ok(
    'content', 'storage_objects', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'storage_objects (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'video_groups', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'video_groups (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'video_groups', array['tenant_id', 'lesson_id']::name[],
    'content', 'lessons', array['tenant_id', 'id']::name[],
    'video_groups (tenant_id, lesson_id) references lessons (tenant_id, id)'
);

select fk_ok(
    'content', 'video_renditions', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'video_renditions (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'video_renditions',
    array['tenant_id', 'storage_object_id', 'storage_object_kind']::name[],
    'content', 'storage_objects', array['tenant_id', 'id', 'kind']::name[],
    'video_renditions (tenant_id, storage_object_id, storage_object_kind) references '
    || 'storage_objects (tenant_id, id, kind)'
);

select fk_ok(
    'content', 'video_renditions', array['tenant_id', 'video_id']::name[],
    'content', 'videos', array['tenant_id', 'id']::name[],
    'video_renditions (tenant_id, video_id) references videos (tenant_id, id)'
);

select fk_ok(
    'content', 'video_text_tracks', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'video_text_tracks (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'video_text_tracks',
    array['tenant_id', 'storage_object_id', 'storage_object_kind']::name[],
    'content', 'storage_objects', array['tenant_id', 'id', 'kind']::name[],
    'video_text_tracks (tenant_id, storage_object_id, storage_object_kind) references '
    || 'storage_objects (tenant_id, id, kind)'
);

select fk_ok(
    'content', 'video_text_tracks', array['tenant_id', 'video_id']::name[],
    'content', 'videos', array['tenant_id', 'id']::name[],
    'video_text_tracks (tenant_id, video_id) references videos (tenant_id, id)'
);

select fk_ok(
    'content', 'videos', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'videos (tenant_id) references tenants (id)'
);

select fk_ok(
    'content', 'videos', array['tenant_id', 'lesson_id', 'video_group_id']::name[],
    'content', 'video_groups', array['tenant_id', 'lesson_id', 'id']::name[],
    'videos (tenant_id, lesson_id, video_group_id) references '
    || 'video_groups (tenant_id, lesson_id, id)'
);

select fk_ok(
    'content', 'videos', array['tenant_id', 'storage_object_id', 'storage_object_kind']::name[],
    'content', 'storage_objects', array['tenant_id', 'id', 'kind']::name[],
    'videos (tenant_id, storage_object_id, storage_object_kind) references '
    || 'storage_objects (tenant_id, id, kind)'
);

-- Structural rows follow their parent; the rows that keep history (provenance, transitions,
-- the objects themselves) do not.

select results_eq(
    $$
    select c.conname::text collate "default"
    from pg_catalog.pg_constraint as c
    where
        c.connamespace = 'content'::regnamespace
        and c.contype = 'f'
        and c.confdeltype = 'c'
    order by 1
    $$,
    array[
        'fk_lesson_assignments_tenant_id_lesson_id',
        'fk_milestones_tenant_id_lesson_id_video_id',
        'fk_question_answer_keys_question_version',
        'fk_question_versions_tenant_id_question_id',
        'fk_questions_tenant_id_lesson_id_milestone_id',
        'fk_video_groups_tenant_id_lesson_id',
        'fk_video_renditions_tenant_id_video_id',
        'fk_video_text_tracks_tenant_id_video_id',
        'fk_videos_tenant_id_lesson_id_video_group_id'
    ],
    'exactly the foreign keys to a parent lesson, video, milestone or question cascade on delete'
);

-- Indexes

select indexes_are(
    'content', 'lessons',
    array[
        'index_lessons_on_search_vector',
        'index_lessons_on_tenant_id_and_author_id',
        'index_lessons_on_title_trigram',
        'pk_lessons'
    ]::name[],
    'content.lessons has the expected indexes'
);

select indexes_are(
    'content', 'lesson_assignments',
    array[
        'index_lesson_assignments_on_tenant_id_and_assigned_by',
        'index_lesson_assignments_on_tenant_id_and_class_id',
        'pk_lesson_assignments'
    ]::name[],
    'content.lesson_assignments has the expected indexes'
);

select indexes_are(
    'content', 'storage_objects',
    array[
        'pk_storage_objects',
        'unique_storage_objects_id_kind',
        'unique_storage_objects_reference'
    ]::name[],
    'content.storage_objects has the expected indexes'
);

select indexes_are(
    'content', 'video_groups',
    array[
        'pk_video_groups',
        'unique_video_groups_lesson_id_id',
        'unique_video_groups_lesson_id_position'
    ]::name[],
    'content.video_groups has the expected indexes'
);

select indexes_are(
    'content', 'videos',
    array[
        'pk_videos',
        'unique_videos_lesson_id_id',
        'unique_videos_lesson_id_video_group_id_position',
        'unique_videos_storage_object_id'
    ]::name[],
    'content.videos has the expected indexes'
);

select indexes_are(
    'content', 'video_renditions',
    array[
        'pk_video_renditions',
        'unique_video_renditions_storage_object_id',
        'unique_video_renditions_video_id_profile'
    ]::name[],
    'content.video_renditions has the expected indexes'
);

select indexes_are(
    'content', 'video_text_tracks',
    array[
        'pk_video_text_tracks',
        'unique_video_text_tracks_storage_object_id',
        'unique_video_text_tracks_video_id_kind_language'
    ]::name[],
    'content.video_text_tracks has the expected indexes'
);

select indexes_are(
    'content', 'milestones',
    array[
        'index_milestones_on_tenant_id_and_lesson_id_and_video_id',
        'pk_milestones',
        'unique_milestones_lesson_id_id_kind',
        'unique_milestones_video_id_position_ms_sort_order'
    ]::name[],
    'content.milestones has the expected indexes'
);

select indexes_are(
    'content', 'generation_jobs',
    array[
        'index_generation_jobs_on_tenant_id_and_requested_by',
        'index_generation_jobs_on_tenant_id_and_video_id',
        'pk_generation_jobs'
    ]::name[],
    'content.generation_jobs has the expected indexes'
);

select indexes_are(
    'content', 'questions',
    array[
        'index_questions_on_tenant_id_and_created_by',
        'index_questions_on_tenant_id_and_lesson_id_and_milestone_id',
        'pk_questions',
        'unique_questions_milestone_id_position'
    ]::name[],
    'content.questions has the expected indexes'
);

select indexes_are(
    'content', 'question_versions',
    array[
        'index_question_versions_on_question_id_when_approved',
        'index_question_versions_on_question_id_when_open',
        'index_question_versions_on_status_changed_at_when_in_review',
        'index_question_versions_on_tenant_id_and_created_by',
        'index_question_versions_on_tenant_id_and_generation_job_id',
        'pk_question_versions'
    ]::name[],
    'content.question_versions has the expected indexes'
);

select indexes_are(
    'content', 'question_answer_keys',
    array[
        'pk_question_answer_keys'
    ]::name[],
    'content.question_answer_keys has the expected indexes'
);

select indexes_are(
    'content', 'question_transitions',
    array[
        'index_question_transitions_on_question_version',
        'index_question_transitions_on_tenant_id_and_actor_id',
        'pk_question_transitions'
    ]::name[],
    'content.question_transitions has the expected indexes'
);

-- Index methods and predicates

select is(
    (
        select pg_get_indexdef('content.index_lessons_on_search_vector'::regclass)
    ),
    'CREATE INDEX index_lessons_on_search_vector ON content.lessons USING gin (search_vector)',
    'lessons.search_vector has a GIN index'
);

select is(
    (
        select pg_get_indexdef('content.index_lessons_on_title_trigram'::regclass)
    ),
    'CREATE INDEX index_lessons_on_title_trigram ON content.lessons '
    || 'USING gin (title gin_trgm_ops)',
    'lessons.title has a trigram GIN index'
);

select results_eq(
    $$
    select
        i.indexrelid::regclass::text,
        i.indisunique,
        pg_get_expr(i.indpred, i.indrelid) collate "default"
    from pg_catalog.pg_index as i
    where
        i.indrelid = 'content.question_versions'::regclass
        and i.indpred is not null
    order by 1
    $$,
    $$
    values
    (
        'content.index_question_versions_on_question_id_when_approved',
        true,
        '(status = ''approved''::content.question_status)'
    ),
    (
        'content.index_question_versions_on_question_id_when_open',
        true,
        '(status = ANY (ARRAY[''draft''::content.question_status, '
        || '''in_review''::content.question_status]))'
    ),
    (
        'content.index_question_versions_on_status_changed_at_when_in_review',
        false,
        '(status = ''in_review''::content.question_status)'
    )
    $$,
    'a question has at most one open and one approved version, and the review queue is indexed'
);

select results_eq(
    $$
    select c.conname::text collate "default"
    from pg_catalog.pg_constraint as c
    where
        c.connamespace = 'content'::regnamespace
        and c.condeferrable
        and not c.condeferred
    order by 1
    $$,
    array[
        'unique_milestones_video_id_position_ms_sort_order',
        'unique_questions_milestone_id_position',
        'unique_video_groups_lesson_id_position',
        'unique_videos_lesson_id_video_group_id_position'
    ],
    'exactly the position keys are deferrable, initially immediate'
);

select results_eq(
    $$
    select
        (a.attrelid::regclass::text || '.' || a.attname::text) collate "default",
        pg_get_expr(d.adbin, d.adrelid) collate "default"
    from pg_catalog.pg_attribute as a
    inner join pg_catalog.pg_attrdef as d
        on a.attrelid = d.adrelid and a.attnum = d.adnum
    inner join pg_catalog.pg_class as c on a.attrelid = c.oid
    where
        c.relnamespace = 'content'::regnamespace
        and a.attgenerated = 's'
    order by 1
    $$,
    $$
    values
    (
        'content.lessons.search_vector',
        '(setweight(to_tsvector(content.text_search_config(language), title), ''A''::"char") '
        || '|| setweight(to_tsvector(content.text_search_config(language), description), '
        || '''B''::"char"))'
    ),
    ('content.questions.milestone_kind', '''question''::content.milestone_kind'),
    (
        'content.video_renditions.storage_object_kind',
        '''video_rendition''::content.storage_object_kind'
    ),
    (
        'content.video_text_tracks.storage_object_kind',
        '''video_text_track''::content.storage_object_kind'
    ),
    ('content.videos.storage_object_kind', '''video_source''::content.storage_object_kind')
    $$,
    'the generated columns compute the search document and pin the kinds of referenced rows'
);

-- Enums

select enum_has_labels(
    'content', 'lesson_status', array['draft', 'published', 'archived'],
    'content.lesson_status has the lesson lifecycle'
);
select enum_has_labels(
    'content', 'storage_object_kind', array['video_source', 'video_rendition', 'video_text_track'],
    'content.storage_object_kind names the three tables that use objects'
);
select enum_has_labels(
    'content', 'video_processing_status', array['uploaded', 'transcoding', 'ready', 'failed'],
    'content.video_processing_status has the processing states'
);
select enum_has_labels(
    'content', 'text_track_kind', array['captions', 'transcript'],
    'content.text_track_kind has captions and transcript'
);
select enum_has_labels(
    'content', 'milestone_kind', array['question', 'checkpoint', 'chapter'],
    'content.milestone_kind has question, checkpoint and chapter'
);
select enum_has_labels(
    'content', 'generation_job_status',
    array['queued', 'running', 'succeeded', 'failed', 'cancelled'],
    'content.generation_job_status has the job states'
);
select enum_has_labels(
    'content', 'question_type',
    array[
        'single_choice', 'multiple_choice', 'true_false', 'fill_in_blanks', 'numeric',
        'ordering', 'matching', 'hotspot', 'free_text', 'poll'
    ],
    'content.question_type has the ten question types'
);
select enum_has_labels(
    'content', 'question_status', array['draft', 'in_review', 'approved', 'rejected', 'retired'],
    'content.question_status has the review states'
);

-- Comments and row-level security

select is_empty(
    $$
    select c.oid::regclass::text
    from pg_catalog.pg_class as c
    where
        c.relnamespace = 'content'::regnamespace
        and c.relkind = 'r'
        and obj_description(c.oid, 'pg_class') is null
    $$,
    'every content table has a comment'
);

select is_empty(
    $$
    select c.oid::regclass::text || '.' || a.attname
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_attribute as a on c.oid = a.attrelid
    where
        c.relnamespace = 'content'::regnamespace
        and c.relkind = 'r'
        and a.attnum > 0
        and not a.attisdropped
        and col_description(c.oid, a.attnum) is null
    $$,
    'every column of a content table has a comment'
);

select is_empty(
    $$
    select t.oid::regtype::text
    from pg_catalog.pg_type as t
    where
        t.typnamespace = 'content'::regnamespace
        and t.typtype = 'e'
        and obj_description(t.oid, 'pg_type') is null
    $$,
    'every content enum has a comment'
);

select is_empty(
    $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    where
        p.pronamespace = 'content'::regnamespace
        and obj_description(p.oid, 'pg_proc') is null
    $$,
    'every content function has a comment'
);

select is_empty(
    $$
    select c.oid::regclass::text
    from pg_catalog.pg_class as c
    where
        c.relnamespace = 'content'::regnamespace
        and c.relkind = 'r'
        and not (c.relrowsecurity and c.relforcerowsecurity)
    $$,
    'every content table has row-level security enabled and forced'
);

-- Triggers and functions

select results_eq(
    $$
    select t.tgrelid::regclass::text, t.tgname::text collate "default", t.tgfoid::regproc::text
    from pg_catalog.pg_trigger as t
    inner join pg_catalog.pg_class as c on t.tgrelid = c.oid
    where
        c.relnamespace = 'content'::regnamespace
        and not t.tgisinternal
    order by 1, 2
    $$,
    $$
    values
    ('content.generation_jobs', 'check_status_transition',
        'content.tg_generation_jobs__check_status_transition'),
    ('content.generation_jobs', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.lesson_assignments', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.lessons', 'bump_version', 'content.tg_lessons__bump_version'),
    ('content.lessons', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.milestones', 'check_position_within_duration',
        'content.tg_milestones__check_position_within_duration'),
    ('content.milestones', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.question_answer_keys', 'check_change',
        'content.tg_question_answer_keys__check_change'),
    ('content.question_answer_keys', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.question_transitions', 'apply_transition',
        'content.tg_question_transitions__apply'),
    ('content.question_versions', 'assign_version',
        'content.tg_question_versions__assign_version'),
    ('content.question_versions', 'check_immutable',
        'content.tg_question_versions__check_immutable'),
    ('content.question_versions', 'check_payload',
        'content.tg_question_versions__check_payload'),
    ('content.question_versions', 'check_provenance',
        'content.tg_question_versions__check_provenance'),
    ('content.question_versions', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.questions', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.video_groups', 'set_updated_at', 'app.tg__set_updated_at'),
    ('content.videos', 'check_duration_covers_content',
        'content.tg_videos__check_duration_covers_content'),
    ('content.videos', 'check_processing_transition',
        'content.tg_videos__check_processing_transition'),
    ('content.videos', 'set_updated_at', 'app.tg__set_updated_at')
    $$,
    'the content tables have exactly the expected triggers'
);

select results_eq(
    $$
    select p.oid::regprocedure::text, p.prosecdef, p.provolatile::text
    from pg_catalog.pg_proc as p
    where
        p.pronamespace = 'content'::regnamespace
        and p.prorettype <> 'trigger'::regtype
    order by 1
    $$,
    $$
    values
    ('content.can_edit_lesson(uuid,uuid)', true, 's'),
    ('content.can_edit_question(uuid,uuid)', true, 's'),
    ('content.check_question_items(text,jsonb,integer)', false, 'i'),
    ('content.current_student_lesson_ids()', true, 's'),
    ('content.has_approved_version(uuid,uuid)', true, 's'),
    ('content.is_valid_gcs_bucket_name(text)', false, 'i'),
    ('content.is_valid_gcs_object_name(text)', false, 'i'),
    ('content.raise_question_payload_error(text,text,text)', false, 'v'),
    ('content.read_question_answer_key(uuid,integer)', true, 's'),
    ('content.require_known_question_fields(text,text,jsonb,text[])', false, 'i'),
    ('content.require_question_field(boolean,text,text,text)', false, 'i'),
    ('content.revise_question(uuid)', true, 'v'),
    ('content.text_search_config(text)', false, 'i'),
    (
        'content.transition_question_version(uuid,integer,content.question_status,text)',
        false,
        'v'
    ),
    ('content.validate_question_answer_key(text,jsonb,jsonb)', false, 's'),
    ('content.validate_question_prompt(text,jsonb)', false, 's'),
    ('content.write_question_answer_key(uuid,integer,jsonb)', true, 'v')
    $$,
    'the content functions have the expected signatures, security and volatility'
);

select * from finish();
rollback;
