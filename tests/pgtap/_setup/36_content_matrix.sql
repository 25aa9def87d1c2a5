-- The access matrix rows and probes of the content tables, added to the tables of
-- 20_access_matrix.sql. The probes aim at rows of tests.create_content_fixture() in tenant A.
--
-- The insert probes name the acting user through app.current_user_id(), and class_teacher when
-- there is no request context (the owner's run), because the policies accept only rows written
-- in the actor's own name.

insert into tests.access_matrix (table_name, actor, command, expected)
select
    m.table_name,
    m.actor,
    c.command,
    c.expected
from (
    values
    -- content.lessons, class_teacher's published lesson, assigned to class_1. The delete probe
    -- aims at other_teacher's empty draft.
    ('content.lessons', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.lessons', 'class_teacher', 'allow', 'allow', 'allow', 'deny'),
    ('content.lessons', 'other_teacher', 'allow', 'allow', 'deny', 'allow'),
    ('content.lessons', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.lessons', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.lessons', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.lessons', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.lessons', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.lessons', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.lesson_assignments, the lesson's assignment to class_1: its teacher and the admin
    -- manage it.
    ('content.lesson_assignments', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.lesson_assignments', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.lesson_assignments', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('content.lesson_assignments', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.lesson_assignments', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.lesson_assignments', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.lesson_assignments', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.lesson_assignments', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.lesson_assignments', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.video_groups, the lesson's first group: the lesson's author and the admin change
    -- it. The delete probe aims at the spare group.
    ('content.video_groups', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.video_groups', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.video_groups', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_groups', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_groups', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_groups', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_groups', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_groups', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_groups', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.videos, the lesson's video: the lesson's author and the admin change it. The delete
    -- probe aims at the spare video.
    ('content.videos', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.videos', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.videos', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.videos', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.videos', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.videos', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.videos', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.videos', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.videos', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.video_renditions, the video's rendition: renditions are never updated.
    ('content.video_renditions', 'admin', 'allow', 'allow', 'deny', 'allow'),
    ('content.video_renditions', 'class_teacher', 'allow', 'allow', 'deny', 'allow'),
    ('content.video_renditions', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_renditions', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_renditions', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_renditions', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_renditions', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_renditions', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_renditions', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.video_text_tracks, the video's transcript: the lesson's author and the admin
    -- change it.
    ('content.video_text_tracks', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.video_text_tracks', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.video_text_tracks', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_text_tracks', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_text_tracks', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_text_tracks', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_text_tracks', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.video_text_tracks', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.video_text_tracks', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.storage_objects, the video's source object: staff register objects, and only
    -- admins delete unused ones (the delete probe aims at an unused object).
    ('content.storage_objects', 'admin', 'allow', 'allow', 'deny', 'allow'),
    ('content.storage_objects', 'class_teacher', 'allow', 'allow', 'deny', 'deny'),
    ('content.storage_objects', 'other_teacher', 'allow', 'allow', 'deny', 'deny'),
    ('content.storage_objects', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.storage_objects', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.storage_objects', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.storage_objects', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.storage_objects', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.storage_objects', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.milestones, the video's question milestone: the lesson's author and the admin
    -- change it. The delete probe aims at the chapter, which has no questions.
    ('content.milestones', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.milestones', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.milestones', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.milestones', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.milestones', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.milestones', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.milestones', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.milestones', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.milestones', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.generation_jobs, class_teacher's job on the video: students never see jobs.
    ('content.generation_jobs', 'admin', 'allow', 'allow', 'allow', 'deny'),
    ('content.generation_jobs', 'class_teacher', 'allow', 'allow', 'allow', 'deny'),
    ('content.generation_jobs', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.generation_jobs', 'student', 'deny', 'deny', 'deny', 'deny'),
    ('content.generation_jobs', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.generation_jobs', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.generation_jobs', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.generation_jobs', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.generation_jobs', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.questions, the approved question: students of class_1 see it. The delete probe aims
    -- at the draft question, because deleting approved versions is rejected (IL220).
    ('content.questions', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.questions', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.questions', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.questions', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.questions', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.questions', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.questions', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.questions', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.questions', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.question_versions, version 1 of the approved question. Update and delete aim at the
    -- draft question, because approved versions are immutable.
    ('content.question_versions', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('content.question_versions', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('content.question_versions', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('content.question_versions', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('content.question_versions', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_versions', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_versions', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_versions', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.question_versions', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.question_answer_keys, the approved question's key: no login role has any privilege.
    ('content.question_answer_keys', 'admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'class_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'student', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'operator', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_answer_keys', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- content.question_transitions, the submission of the approved question: staff submit and
    -- review, and ilp_app cannot rewrite history.
    ('content.question_transitions', 'admin', 'allow', 'allow', 'deny', 'deny'),
    ('content.question_transitions', 'class_teacher', 'allow', 'allow', 'deny', 'deny'),
    ('content.question_transitions', 'other_teacher', 'allow', 'allow', 'deny', 'deny'),
    ('content.question_transitions', 'student', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_transitions', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_transitions', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_transitions', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('content.question_transitions', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('content.question_transitions', 'analytics', 'deny', 'deny', 'deny', 'deny')
) as m (table_name, actor, select_expected, insert_expected, update_expected, delete_expected)
cross join lateral (
    values
    ('select', m.select_expected),
    ('insert', m.insert_expected),
    ('update', m.update_expected),
    ('delete', m.delete_expected)
) as c (command, expected);

-- The insert probe of question_transitions also accepts IL222 as a denial: the trigger
-- apply_transition runs before the insert policy is checked and rejects an actor who is not a
-- teacher or admin of the row's tenant.
insert into tests.access_probes (table_name, command, probe_sql, deny_sqlstates)
values
(
    'content.lessons', 'select',
    $$
    select 1 from content.lessons where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('lesson')
    $$,
    '{42501}'
),
(
    'content.lessons', 'insert',
    $$
    insert into content.lessons (tenant_id, author_id, title)
    values (tests.fixture_id('tenant_a'), coalesce(app.current_user_id(), tests.fixture_id('class_teacher')), 'Probe lesson')
    $$,
    '{42501}'
),
(
    'content.lessons', 'update',
    $$
    update content.lessons set title = 'Renamed lesson'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('lesson')
    $$,
    '{42501}'
),
(
    'content.lessons', 'delete',
    $$
    delete from content.lessons where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('draft_lesson')
    $$,
    '{42501}'
),
(
    'content.lesson_assignments', 'select',
    $$
    select 1 from content.lesson_assignments
    where
        tenant_id = tests.fixture_id('tenant_a')
        and lesson_id = tests.content_fixture_id('lesson')
        and class_id = tests.fixture_id('class_1')
    $$,
    '{42501}'
),
(
    'content.lesson_assignments', 'insert',
    $$
    insert into content.lesson_assignments (tenant_id, lesson_id, class_id, assigned_by)
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('draft_lesson'),
        tests.fixture_id('class_1'),
        coalesce(app.current_user_id(), tests.fixture_id('class_teacher'))
    )
    $$,
    '{42501}'
),
(
    'content.lesson_assignments', 'update',
    $$
    update content.lesson_assignments set due_at = now() + interval '1 day'
    where
        tenant_id = tests.fixture_id('tenant_a')
        and lesson_id = tests.content_fixture_id('lesson')
        and class_id = tests.fixture_id('class_1')
    $$,
    '{42501}'
),
(
    'content.lesson_assignments', 'delete',
    $$
    delete from content.lesson_assignments
    where
        tenant_id = tests.fixture_id('tenant_a')
        and lesson_id = tests.content_fixture_id('lesson')
        and class_id = tests.fixture_id('class_1')
    $$,
    '{42501}'
),
(
    'content.video_groups', 'select',
    $$
    select 1 from content.video_groups where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('group')
    $$,
    '{42501}'
),
(
    'content.video_groups', 'insert',
    $$
    insert into content.video_groups (tenant_id, lesson_id, position, title)
    values (tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'), 5, 'Probe group')
    $$,
    '{42501}'
),
(
    'content.video_groups', 'update',
    $$
    update content.video_groups set title = 'Renamed group'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('group')
    $$,
    '{42501}'
),
(
    'content.video_groups', 'delete',
    $$
    delete from content.video_groups where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('spare_group')
    $$,
    '{42501}'
),
(
    'content.videos', 'select',
    $$
    select 1 from content.videos where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),
(
    'content.videos', 'insert',
    $$
    insert into content.videos (
        tenant_id, lesson_id, video_group_id, position, title, storage_object_id
    )
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('lesson'),
        tests.content_fixture_id('group'),
        5,
        'Probe video',
        tests.content_fixture_id('spare_object')
    )
    $$,
    '{42501}'
),
(
    'content.videos', 'update',
    $$
    update content.videos set title = 'Renamed video'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),
(
    'content.videos', 'delete',
    $$
    delete from content.videos where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('spare_video')
    $$,
    '{42501}'
),
(
    'content.video_renditions', 'select',
    $$
    select 1 from content.video_renditions where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('rendition')
    $$,
    '{42501}'
),
(
    'content.video_renditions', 'insert',
    $$
    insert into content.video_renditions (
        tenant_id, video_id, profile, storage_object_id, width, height, bitrate_bps
    )
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('video'),
        '1080p-h264',
        tests.content_fixture_id('spare_rendition_object'),
        1920,
        1080,
        5000000
    )
    $$,
    '{42501}'
),
(
    'content.video_renditions', 'update',
    $$
    update content.video_renditions set bitrate_bps = 2000000
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('rendition')
    $$,
    '{42501}'
),
(
    'content.video_renditions', 'delete',
    $$
    delete from content.video_renditions where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('rendition')
    $$,
    '{42501}'
),
(
    'content.video_text_tracks', 'select',
    $$
    select 1 from content.video_text_tracks where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('track')
    $$,
    '{42501}'
),
(
    'content.video_text_tracks', 'insert',
    $$
    insert into content.video_text_tracks (
        tenant_id, video_id, kind, language, storage_object_id
    )
    values (tests.fixture_id('tenant_a'), tests.content_fixture_id('video'), 'captions', 'fr', tests.content_fixture_id('spare_track_object'))
    $$,
    '{42501}'
),
(
    'content.video_text_tracks', 'update',
    $$
    update content.video_text_tracks set label = 'English (edited)'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('track')
    $$,
    '{42501}'
),
(
    'content.video_text_tracks', 'delete',
    $$
    delete from content.video_text_tracks where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('track')
    $$,
    '{42501}'
),
(
    'content.storage_objects', 'select',
    $$
    select 1 from content.storage_objects where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('video_object')
    $$,
    '{42501}'
),
(
    'content.storage_objects', 'insert',
    $$
    insert into content.storage_objects (
        tenant_id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c
    )
    values (
        tests.fixture_id('tenant_a'), 'video_source', 'ilp-test-media', 'probe/upload.mp4', 1, 'video/mp4', 10, 'AAAAAA=='
    )
    $$,
    '{42501}'
),
(
    'content.storage_objects', 'update',
    $$
    update content.storage_objects set content_type = 'video/webm'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('video_object')
    $$,
    '{42501}'
),
(
    'content.storage_objects', 'delete',
    $$
    delete from content.storage_objects where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('spare_object')
    $$,
    '{42501}'
),
(
    'content.milestones', 'select',
    $$
    select 1 from content.milestones where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('milestone')
    $$,
    '{42501}'
),
(
    'content.milestones', 'insert',
    $$
    insert into content.milestones (tenant_id, lesson_id, video_id, position_ms, kind)
    values (tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'), tests.content_fixture_id('video'), 40000, 'checkpoint')
    $$,
    '{42501}'
),
(
    'content.milestones', 'update',
    $$
    update content.milestones set title = 'Renamed milestone'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('milestone')
    $$,
    '{42501}'
),
(
    'content.milestones', 'delete',
    $$
    delete from content.milestones where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('chapter')
    $$,
    '{42501}'
),
(
    'content.generation_jobs', 'select',
    $$
    select 1 from content.generation_jobs where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('job')
    $$,
    '{42501}'
),
(
    'content.generation_jobs', 'insert',
    $$
    insert into content.generation_jobs (
        tenant_id, video_id, requested_by, model, prompt_template, prompt_template_version
    )
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('video'),
        coalesce(app.current_user_id(), tests.fixture_id('class_teacher')),
        'gemini-1.5-pro-002',
        'milestone-questions',
        '3'
    )
    $$,
    '{42501}'
),
(
    'content.generation_jobs', 'update',
    $$
    update content.generation_jobs set input_tokens = 2000
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('job')
    $$,
    '{42501}'
),
(
    'content.generation_jobs', 'delete',
    $$
    delete from content.generation_jobs where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('job')
    $$,
    '{42501}'
),
(
    'content.questions', 'select',
    $$
    select 1 from content.questions where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('question')
    $$,
    '{42501}'
),
(
    'content.questions', 'insert',
    $$
    insert into content.questions (tenant_id, lesson_id, milestone_id, position, created_by)
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('lesson'),
        tests.content_fixture_id('milestone'),
        9,
        coalesce(app.current_user_id(), tests.fixture_id('class_teacher'))
    )
    $$,
    '{42501}'
),
(
    'content.questions', 'update',
    $$
    update content.questions set position = 8
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('question')
    $$,
    '{42501}'
),
(
    'content.questions', 'delete',
    $$
    delete from content.questions where tenant_id = tests.fixture_id('tenant_a') and id = tests.content_fixture_id('draft_question')
    $$,
    '{42501}'
),
(
    'content.question_versions', 'select',
    $$
    select 1 from content.question_versions
    where tenant_id = tests.fixture_id('tenant_a') and question_id = tests.content_fixture_id('question') and version = 1
    $$,
    '{42501}'
),
(
    'content.question_versions', 'insert',
    $$
    insert into content.question_versions (
        tenant_id, question_id, question_type, prompt, created_by
    )
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('question'),
        'true_false',
        '{"text": "Leaves take in carbon dioxide."}',
        coalesce(app.current_user_id(), tests.fixture_id('class_teacher'))
    )
    $$,
    '{42501}'
),
(
    'content.question_versions', 'update',
    $$
    update content.question_versions set points = 2
    where tenant_id = tests.fixture_id('tenant_a') and question_id = tests.content_fixture_id('draft_question') and version = 1
    $$,
    '{42501}'
),
(
    'content.question_versions', 'delete',
    $$
    delete from content.question_versions
    where tenant_id = tests.fixture_id('tenant_a') and question_id = tests.content_fixture_id('draft_question') and version = 1
    $$,
    '{42501}'
),
(
    'content.question_answer_keys', 'select',
    $$
    select 1 from content.question_answer_keys
    where tenant_id = tests.fixture_id('tenant_a') and question_id = tests.content_fixture_id('question') and version = 1
    $$,
    '{42501}'
),
(
    'content.question_answer_keys', 'insert',
    $$
    insert into content.question_answer_keys (tenant_id, question_id, version, answer_key)
    values (tests.fixture_id('tenant_a'), tests.content_fixture_id('keyless_question'), 1, '{"correct_option_id": "a"}')
    $$,
    '{42501}'
),
(
    'content.question_answer_keys', 'update',
    $$
    update content.question_answer_keys set answer_key = '{"correct": false}'
    where tenant_id = tests.fixture_id('tenant_a') and question_id = tests.content_fixture_id('draft_question') and version = 1
    $$,
    '{42501}'
),
(
    'content.question_answer_keys', 'delete',
    $$
    delete from content.question_answer_keys
    where tenant_id = tests.fixture_id('tenant_a') and question_id = tests.content_fixture_id('draft_question') and version = 1
    $$,
    '{42501}'
),
(
    'content.question_transitions', 'select',
    $$
    select 1 from content.question_transitions
    where
        tenant_id = tests.fixture_id('tenant_a')
        and question_id = tests.content_fixture_id('question')
        and to_status = 'in_review'
    $$,
    '{42501}'
),
(
    'content.question_transitions', 'insert',
    $$
    insert into content.question_transitions (
        tenant_id, question_id, version, to_status, actor_id
    )
    values (
        tests.fixture_id('tenant_a'),
        tests.content_fixture_id('draft_question'),
        1,
        'in_review',
        coalesce(app.current_user_id(), tests.fixture_id('class_teacher'))
    )
    $$,
    '{42501,IL222}'
),
(
    'content.question_transitions', 'update',
    $$
    update content.question_transitions set reason = 'Edited history'
    where
        tenant_id = tests.fixture_id('tenant_a')
        and question_id = tests.content_fixture_id('question')
        and to_status = 'in_review'
    $$,
    '{42501}'
),
(
    'content.question_transitions', 'delete',
    $$
    delete from content.question_transitions
    where
        tenant_id = tests.fixture_id('tenant_a')
        and question_id = tests.content_fixture_id('question')
        and to_status = 'in_review'
    $$,
    '{42501}'
);
