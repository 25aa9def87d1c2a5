-- The whole authoring flow through ilp_app, as the backend runs it: a teacher writes a lesson
-- with a video, a milestone and a question, another teacher approves the question, and a student
-- of the assigned class then sees it. Each step is one assertion.
begin;
select plan(18);

select tests.create_fixture();

select tests.act_as('class_teacher');

select lives_ok(
    $$
    insert into content.lessons (tenant_id, id, author_id, title, description, language)
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d1',
        tests.fixture_id('class_teacher'), 'Gravity', 'Why things fall.', 'en'
    )
    $$,
    'the teacher creates a draft lesson in their own name'
);
select lives_ok(
    $$
    insert into content.video_groups (tenant_id, id, lesson_id, position, title)
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d2',
        '00000000-0000-4000-8000-0000000000d1', 0, 'Falling objects'
    )
    $$,
    'the teacher adds a video group'
);
select lives_ok(
    $$
    insert into content.storage_objects (
        tenant_id, id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c
    )
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d3', 'video_source',
        'ilp-media-eu', 'tenant-a/gravity/drop.mp4', 1712000000123456, 'video/mp4', 73400320,
        'rBLb1w=='
    )
    $$,
    'the teacher registers the uploaded object'
);
select lives_ok(
    $$
    insert into content.videos (
        tenant_id, id, lesson_id, video_group_id, position, title, storage_object_id
    )
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d4',
        '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000d2', 0,
        'The feather and the hammer', '00000000-0000-4000-8000-0000000000d3'
    )
    $$,
    'the teacher adds the video'
);
select lives_ok(
    $$
    update content.videos set processing_status = 'transcoding'
    where id = '00000000-0000-4000-8000-0000000000d4'
    $$,
    'the transcoding worker, acting for the teacher, starts processing'
);
select lives_ok(
    $$
    update content.videos
    set processing_status = 'ready', duration_ms = 95000, width = 1920, height = 1080
    where id = '00000000-0000-4000-8000-0000000000d4'
    $$,
    'the worker marks the video ready with its metadata'
);
select lives_ok(
    $$
    insert into content.milestones (
        tenant_id, id, lesson_id, video_id, position_ms, kind, require_correct_answer,
        seek_back_to_ms
    )
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d5',
        '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000d4', 62000,
        'question', true, 41000
    )
    $$,
    'the teacher adds a question milestone'
);
select lives_ok(
    $$
    insert into content.questions (tenant_id, id, lesson_id, milestone_id, created_by)
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d6',
        '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000d5',
        tests.fixture_id('class_teacher')
    )
    $$,
    'the teacher adds a question'
);
select lives_ok(
    $$
    insert into content.question_versions (
        tenant_id, question_id, question_type, prompt, points, max_attempts, hints, feedback,
        created_by
    )
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d6', 'numeric',
        '{"text": "How many seconds did the hammer take to fall?", "unit": "s"}', 2, 3,
        '["Count from the release."]', '{"correct": "Yes: the same as the feather."}',
        tests.fixture_id('class_teacher')
    )
    $$,
    'the teacher writes version 1'
);
select lives_ok(
    $$select content.write_question_answer_key(
        '00000000-0000-4000-8000-0000000000d6', 1, '{"value": 1.3, "tolerance": 0.2}'
    )$$,
    'the teacher sets its answer key'
);
select lives_ok(
    $$select content.transition_question_version(
        '00000000-0000-4000-8000-0000000000d6', 1, 'in_review'
    )$$,
    'the teacher submits it for review'
);
select lives_ok(
    $$
    update content.lessons set status = 'published'
    where id = '00000000-0000-4000-8000-0000000000d1'
    $$,
    'the teacher publishes the lesson'
);
select lives_ok(
    $$
    insert into content.lesson_assignments (tenant_id, lesson_id, class_id, assigned_by, due_at)
    values (
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d1',
        tests.fixture_id('class_1'), tests.fixture_id('class_teacher'), now() + interval '3 days'
    )
    $$,
    'the teacher assigns it to class_1 with a due date'
);

select tests.act_as('student');

select is_empty(
    $$
    select 1 from content.question_versions
    where question_id = '00000000-0000-4000-8000-0000000000d6'
    $$,
    'before approval the student does not see the question'
);

select tests.act_as('other_teacher');

update content.lessons set title = 'Gravity!'
where id = '00000000-0000-4000-8000-0000000000d1';

select is(
    (
        select title from content.lessons
        where id = '00000000-0000-4000-8000-0000000000d1'
    ),
    'Gravity',
    'another teacher''s update of the lesson changes no row'
);
select lives_ok(
    $$select content.transition_question_version(
        '00000000-0000-4000-8000-0000000000d6', 1, 'approved'
    )$$,
    'another teacher approves the question'
);

select tests.act_as('student');

select results_eq(
    $$
    select prompt ->> 'text' from content.question_versions
    where question_id = '00000000-0000-4000-8000-0000000000d6'
    $$,
    array['How many seconds did the hammer take to fall?'],
    'after approval the student sees the prompt'
);
select is(
    (
        select count(*) from content.milestones
        where lesson_id = '00000000-0000-4000-8000-0000000000d1'
    ),
    1::bigint,
    'the student sees the milestone where the question is asked'
);

select * from finish();
rollback;
