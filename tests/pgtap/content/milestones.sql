-- Milestones: a position never beyond the video's duration, checked both when a milestone is
-- written and when the duration is set or shortened. Also the behaviour rules, the order at one
-- instant, and questions only on question milestones.
begin;
select plan(32);

select tests.create_fixture();

-- video is 60,000 ms long and has a question milestone at 30,000 ms and a chapter at 0 ms.

prepare insert_milestone (uuid, integer) as
insert into content.milestones (tenant_id, lesson_id, video_id, position_ms, kind)
values (tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'), $1, $2, 'checkpoint');

select lives_ok(
    format('execute insert_milestone(%L, 60000)', tests.content_fixture_id('video')),
    'a milestone at the last millisecond of the video is accepted'
);
select throws_ok(
    format('execute insert_milestone(%L, 60001)', tests.content_fixture_id('video')),
    'IL202', null,
    'a milestone one millisecond after the end of the video is rejected'
);
select throws_ok(
    $$
    update content.milestones set position_ms = 61000
    where id = tests.content_fixture_id('milestone')
    $$,
    'IL202', null,
    'moving a milestone beyond the end of the video is rejected'
);
select lives_ok(
    $$
    update content.milestones
    set video_id = tests.content_fixture_id('spare_video'), position_ms = 1000
    where id = tests.content_fixture_id('chapter')
    $$,
    'moving a milestone to another video of its lesson is accepted'
);

-- The duration shrinks: never below a milestone.

select throws_ok(
    $$update content.videos set duration_ms = 59999 where id = tests.content_fixture_id('video')$$,
    'IL201', null,
    'shortening the video below its last milestone is rejected'
);
select lives_ok(
    $$delete from content.milestones where position_ms = 60000$$,
    'the milestone at the end is deleted'
);
select lives_ok(
    $$update content.videos set duration_ms = 30000 where id = tests.content_fixture_id('video')$$,
    'shortening the video to its last milestone is accepted'
);
select throws_ok(
    $$update content.videos set duration_ms = 29999 where id = tests.content_fixture_id('video')$$,
    'IL201', null,
    'shortening the video one millisecond below its last milestone is rejected'
);
select lives_ok(
    $$update content.videos set duration_ms = 60000 where id = tests.content_fixture_id('video')$$,
    'lengthening the video is accepted'
);

-- The duration is set later: spare_video has none yet, so milestones are checked when it is.

select lives_ok(
    format('execute insert_milestone(%L, 50000)', tests.content_fixture_id('spare_video')),
    'a milestone on a video without a duration is accepted'
);
select throws_ok(
    $$
    update content.videos set duration_ms = 40000
    where id = tests.content_fixture_id('spare_video')
    $$,
    'IL201', null,
    'setting a duration shorter than an existing milestone is rejected'
);
select lives_ok(
    $$
    update content.videos set duration_ms = 50000
    where id = tests.content_fixture_id('spare_video')
    $$,
    'setting a duration that covers every milestone is accepted'
);
select throws_ok(
    format('execute insert_milestone(%L, 50001)', tests.content_fixture_id('spare_video')),
    'IL202', null,
    'once the duration is set, a milestone after it is rejected'
);

-- The duration shrinks: never below the transcript a generated question used.

insert into content.questions (tenant_id, id, lesson_id, milestone_id, position, created_by)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000a1',
    tests.content_fixture_id('lesson'), tests.content_fixture_id('milestone'), 7,
    tests.fixture_id('class_teacher')
);
insert into content.question_versions (
    tenant_id, question_id, question_type, prompt, created_by, generation_job_id,
    prompt_sha256, transcript_range_ms
)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000a1', 'true_false',
    '{"text": "Leaves are green because of chlorophyll."}', tests.fixture_id('class_teacher'),
    tests.content_fixture_id('job'), repeat('ab', 32), '[10000,58000)'
);

select throws_ok(
    $$update content.videos set duration_ms = 57999 where id = tests.content_fixture_id('video')$$,
    'IL201', null,
    'shortening the video below the end of a transcript range used by a question is rejected'
);
select lives_ok(
    $$update content.videos set duration_ms = 58000 where id = tests.content_fixture_id('video')$$,
    'shortening the video to the end of that transcript range is accepted'
);

delete from content.questions
where id = '00000000-0000-4000-8000-0000000000a1';

update content.videos set duration_ms = 60000
where id = tests.content_fixture_id('video');

-- The duration shrinks: never below the frame of a hotspot question.

insert into content.questions (tenant_id, id, lesson_id, milestone_id, position, created_by)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000a2',
    tests.content_fixture_id('lesson'), tests.content_fixture_id('milestone'), 8,
    tests.fixture_id('class_teacher')
);
insert into content.question_versions (tenant_id, question_id, question_type, prompt, created_by)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000a2', 'hotspot',
    '{"text": "Click the stomata.", "frame_ms": 55000}', tests.fixture_id('class_teacher')
);

select throws_ok(
    $$update content.videos set duration_ms = 54999 where id = tests.content_fixture_id('video')$$,
    'IL201', null,
    'shortening the video below the frame of a hotspot question is rejected'
);
select lives_ok(
    $$update content.videos set duration_ms = 55000 where id = tests.content_fixture_id('video')$$,
    'shortening the video to the frame of a hotspot question is accepted'
);

delete from content.questions
where id = '00000000-0000-4000-8000-0000000000a2';

update content.videos set duration_ms = 60000
where id = tests.content_fixture_id('video');

-- Behaviour rules

select throws_ok(
    $$
    update content.milestones set seek_back_to_ms = 30000
    where id = tests.content_fixture_id('milestone')
    $$,
    '23514', null,
    'seeking back to the milestone''s own position is rejected'
);
select throws_ok(
    $$
    update content.milestones set seek_back_to_ms = -1
    where id = tests.content_fixture_id('milestone')
    $$,
    '23514', null,
    'seeking back to a negative position is rejected'
);
select lives_ok(
    $$
    update content.milestones set seek_back_to_ms = 0
    where id = tests.content_fixture_id('milestone')
    $$,
    'seeking back to the start of the video is accepted'
);
select throws_ok(
    format(
        $$
        insert into content.milestones (
            tenant_id, lesson_id, video_id, position_ms, kind, seek_back_to_ms
        )
        values (%L, %L, %L, 40000, 'checkpoint', 35000)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('video')
    ),
    '23514', null,
    'a checkpoint that seeks back is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.milestones (
            tenant_id, lesson_id, video_id, position_ms, kind, require_correct_answer
        )
        values (%L, %L, %L, 40000, 'checkpoint', true)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('video')
    ),
    '23514', null,
    'a checkpoint that requires a correct answer is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.milestones (tenant_id, lesson_id, video_id, position_ms, kind)
        values (%L, %L, %L, 40000, 'chapter')
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('video')
    ),
    '23514', null,
    'a chapter without a title is rejected'
);
select throws_ok(
    format('execute insert_milestone(%L, -1)', tests.content_fixture_id('video')),
    '23514', null,
    'a milestone at a negative position is rejected'
);

-- Order at one instant

select throws_ok(
    format('execute insert_milestone(%L, 30000)', tests.content_fixture_id('video')),
    '23505', null,
    'a second milestone at the same instant and sort order is rejected'
);
select lives_ok(
    format(
        $$
        insert into content.milestones (
            tenant_id, id, lesson_id, video_id, position_ms, sort_order, kind
        )
        values (%L, '00000000-0000-4000-8000-0000000000b1', %L, %L, 30000, 1, 'checkpoint')
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('video')
    ),
    'a second milestone at the same instant with the next sort order is accepted'
);
select lives_ok(
    $$
    set constraints content.unique_milestones_video_id_position_ms_sort_order deferred;
    update content.milestones set sort_order = 1 where id = tests.content_fixture_id('milestone');
    update content.milestones set sort_order = 0
    where id = '00000000-0000-4000-8000-0000000000b1';
    set constraints content.unique_milestones_video_id_position_ms_sort_order immediate;
    $$,
    'two milestones at one instant swap their order in one transaction'
);
select results_eq(
    $$
    select id from content.milestones
    where video_id = tests.content_fixture_id('video') and position_ms = 30000
    order by sort_order
    $$,
    array['00000000-0000-4000-8000-0000000000b1'::uuid, tests.content_fixture_id('milestone')],
    'the milestones at one instant are in their new order'
);

-- Questions hang only on question milestones of the same lesson.

select throws_ok(
    format(
        $$
        insert into content.questions (tenant_id, lesson_id, milestone_id, created_by)
        values (%L, %L, %L, %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('chapter'), tests.fixture_id('class_teacher')
    ),
    '23503', null,
    'a question on a chapter milestone is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.questions (tenant_id, lesson_id, milestone_id, created_by)
        values (%L, %L, %L, %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('draft_lesson'),
        tests.content_fixture_id('milestone'), tests.fixture_id('class_teacher')
    ),
    '23503', null,
    'a question naming another lesson than its milestone''s is rejected'
);
select throws_ok(
    $$
    update content.milestones
    set kind = 'checkpoint', require_correct_answer = false, seek_back_to_ms = null
    where id = tests.content_fixture_id('milestone')
    $$,
    '23503', null,
    'a milestone with questions cannot stop being a question milestone'
);
select throws_ok(
    format(
        $$
        insert into content.milestones (tenant_id, lesson_id, video_id, position_ms, kind)
        values (%L, %L, %L, 1000, 'checkpoint')
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('draft_lesson'),
        tests.content_fixture_id('video')
    ),
    '23503', null,
    'a milestone naming another lesson than its video''s is rejected'
);

select * from finish();
rollback;
