-- Current progress per student and video: exact merged coverage, the resume point across devices
-- (a stale device cannot move it back), the furthest position, completion thresholds, clipping
-- to the duration, the resume lookup and who reads progress.
begin;
select plan(47);

select tests.create_fixture();
select tests.create_learning_fixture();

select tests.start_session('student', 'video_main') as laptop \gset
select learning.start_playback_session(tests.learning_id('video_main'), 'phone', 'ios') as phone
\gset

-- A view of the student's progress on video_main, read as the student.
create temporary view main_progress with (security_invoker = true) as
select
    p.last_position_ms,
    p.furthest_position_ms,
    p.watched_segments,
    p.watched_ms,
    p.watched_fraction,
    p.last_device_id,
    p.completed_at
from learning.video_progress as p
where
    p.user_id = tests.fixture_id('student')
    and p.video_id = tests.learning_id('video_main');

grant select on main_progress to ilp_app;

-- Two devices take turns; client times order the events.

select learning.record_progress_event(
    :'laptop', '00000000-0000-7000-8000-00000000a010', 'heartbeat', '2026-11-20 10:00:10+00',
    10000, null, 0
);

select results_eq(
    $$
    select last_position_ms, furthest_position_ms, watched_segments, last_device_id
    from main_progress
    $$,
    $$values (10000, 10000, '{[0,10000)}'::int4multirange, 'test-device-student')$$,
    'the first event sets the resume point, the furthest position and the coverage'
);

select learning.record_progress_event(
    :'phone', '00000000-0000-7000-8000-00000000a020', 'heartbeat', '2026-11-20 10:00:20+00',
    60000, null, 50000
);

select results_eq(
    $$
    select last_position_ms, furthest_position_ms, watched_segments, last_device_id
    from main_progress
    $$,
    $$values (60000, 60000, '{[0,10000),[50000,60000)}'::int4multirange, 'phone')$$,
    'a later event from another device moves the resume point to that device'
);

-- The laptop was offline and sends an event dated before the phone's.
select learning.record_progress_event(
    :'laptop', '00000000-0000-7000-8000-00000000a015', 'paused', '2026-11-20 10:00:15+00',
    15000, null, 10000
);

select is(
    (select last_position_ms from main_progress),
    60000,
    'an older event from a stale device does not move the resume point back'
);
select is(
    (select last_device_id from main_progress),
    'phone',
    'the last device stays the one of the latest event'
);
select is(
    (select watched_segments from main_progress),
    '{[0,15000),[50000,60000)}'::int4multirange,
    'the stale event still adds what it watched, merged with the adjacent segment'
);

-- Two events at the same client time: the greater event id wins, whatever the arrival order.
select learning.record_progress_event(
    :'phone', '00000000-0000-7000-8000-00000000a032', 'seeked', '2026-11-20 10:00:30+00',
    5000, 62000, 60000
);
select learning.record_progress_event(
    :'laptop', '00000000-0000-7000-8000-00000000a031', 'seeked', '2026-11-20 10:00:30+00',
    70000, 16000, 15000
);

select is(
    (select last_position_ms from main_progress),
    5000,
    'at equal times the event with the greater id sets the resume point'
);
select is(
    (select last_device_id from main_progress),
    'phone',
    'the device of the winning event is the last device'
);
select is(
    (select furthest_position_ms from main_progress),
    70000,
    'the furthest position keeps the greatest position, although the resume point is earlier'
);
select is(
    (select watched_segments from main_progress),
    '{[0,16000),[50000,62000)}'::int4multirange,
    'a seek adds the stretch watched before it, up to its origin'
);
select is(
    (select watched_ms from main_progress),
    28000,
    'watched_ms is the exact length of the merged segments'
);
select is(
    (select watched_fraction from main_progress),
    0.0467::numeric(5, 4),
    'watched_fraction is watched_ms over the duration, rounded to 4 places'
);
select is(
    (select completed_at from main_progress),
    null,
    'the video is not completed below the threshold'
);

-- Out of order inside a batch gives the same coverage as in order.
select learning.record_progress_events(
    jsonb_build_array(
        jsonb_build_object(
            'event_id', '00000000-0000-7000-8000-00000000a043', 'session_id', :'laptop',
            'verb', 'heartbeat', 'occurred_at', '2026-11-20T10:01:03Z', 'position_ms', 120000,
            'watched_from_ms', 110000
        ),
        jsonb_build_object(
            'event_id', '00000000-0000-7000-8000-00000000a041', 'session_id', :'laptop',
            'verb', 'heartbeat', 'occurred_at', '2026-11-20T10:01:01Z', 'position_ms', 100000,
            'watched_from_ms', 90000
        ),
        jsonb_build_object(
            'event_id', '00000000-0000-7000-8000-00000000a042', 'session_id', :'laptop',
            'verb', 'heartbeat', 'occurred_at', '2026-11-20T10:01:02Z', 'position_ms', 110000,
            'watched_from_ms', 100000
        )
    )
);

select is(
    (select watched_segments from main_progress),
    '{[0,16000),[50000,62000),[90000,120000)}'::int4multirange,
    'a batch sent out of order merges into one exact segment'
);
select is(
    (select last_position_ms from main_progress),
    120000,
    'the resume point of a batch is its latest event by client time, not its last element'
);
select is(
    (select last_device_id from main_progress),
    'test-device-student',
    'the batch''s device becomes the last device'
);

-- Completion at the default threshold of 0.9, which never clears.
select learning.record_progress_event(
    :'laptop', '00000000-0000-7000-8000-00000000a050', 'heartbeat', '2026-11-20 10:10:00+00',
    540000, null, 0
);

select is(
    (select watched_ms from main_progress),
    540000,
    'watching [0, 540 s) gives 540,000 ms'
);
select is(
    (select completed_at from main_progress),
    '2026-11-20 10:10:00+00'::timestamptz,
    'reaching 0.9 of the duration completes the video at the time of that event'
);

select learning.record_progress_event(
    :'laptop', '00000000-0000-7000-8000-00000000a060', 'paused', '2026-11-20 10:20:00+00',
    601000, null, 590000
);

select is(
    (select completed_at from main_progress),
    '2026-11-20 10:10:00+00'::timestamptz,
    'a later event keeps the completion time'
);
select is(
    (select watched_segments from main_progress),
    '{[0,540000),[590000,600000)}'::int4multirange,
    'a segment beyond the duration is clipped to the video'
);
select is(
    (select last_position_ms from main_progress),
    600000,
    'a resume point beyond the duration is clipped to the duration'
);
select is(
    (select furthest_position_ms from main_progress),
    600000,
    'the furthest position is clipped to the duration'
);

-- Resume lookup

select results_eq(
    $$
    select position_ms, furthest_position_ms, last_device_id, next_milestone_id,
        next_milestone_position_ms, next_milestone_kind
    from learning.resume_position(tests.learning_id('video_main'))
    $$,
    $$values (600000, 600000, 'test-device-student', null::uuid, null::integer,
        null::content.milestone_kind)$$,
    'resume at the end of the video has no next milestone'
);

select learning.record_progress_event(
    :'phone', '00000000-0000-7000-8000-00000000a070', 'seeked', '2026-11-20 10:30:00+00',
    100000, 600000, null
);

select results_eq(
    $$
    select position_ms, next_milestone_id, next_milestone_position_ms, next_milestone_kind
    from learning.resume_position(tests.learning_id('video_main'))
    $$,
    $$values (100000, tests.learning_id('milestone_late'), 120000,
        'question'::content.milestone_kind)$$,
    'resume after a seek back gives the first milestone at or after the resume point'
);
select results_eq(
    $$
    select position_ms, furthest_position_ms, watched_fraction, completed_at,
        last_device_id, next_milestone_position_ms
    from learning.resume_position(tests.learning_id('video_short'))
    $$,
    $$values (0, 0, 0::numeric, null::timestamptz, null::text, 5000)$$,
    'resume of a video never watched starts at 0 with the first milestone'
);
select throws_ok(
    'select * from learning.resume_position(tests.learning_id(''video_b''))',
    'IL303', null,
    'resume of another tenant''s video raises IL303'
);
select throws_ok(
    'select * from learning.resume_position(tests.learning_id(''video_draft''))',
    'IL304', null,
    'resume of a video of a draft lesson raises IL304'
);

select tests.act_as('other_student');

select throws_ok(
    'select * from learning.resume_position(tests.learning_id(''video_main''))',
    'IL305', null,
    'resume of a lesson assigned to another class raises IL305'
);

select tests.act_as('class_teacher');

select throws_ok(
    'select * from learning.resume_position(tests.learning_id(''video_main''))',
    'IL301', null,
    'resume for a teacher raises IL301'
);

select tests.act_as('no_context');

select throws_ok(
    'select * from learning.resume_position(tests.learning_id(''video_main''))',
    'IL300', null,
    'resume without a request context raises IL300'
);

-- Thresholds from the lesson and from the video, set by the lesson's author.

select tests.act_as('class_teacher');

select lives_ok(
    $$
    insert into learning.lesson_settings (tenant_id, lesson_id, completion_threshold)
    values (tests.fixture_id('tenant_a'), tests.learning_id('lesson_published'), 0.5)
    $$,
    'the lesson''s author sets a completion threshold of 0.5'
);

select tests.start_session('student', 'video_short') as short_session \gset

select learning.record_progress_event(
    :'short_session', gen_random_uuid(), 'heartbeat', '2026-11-20 11:00:00+00', 5000, null, 0
);

select isnt(
    (
        select p.completed_at
        from learning.video_progress as p
        where p.video_id = tests.learning_id('video_short')
    ),
    null,
    'half of a video completes it under the lesson''s threshold of 0.5'
);
select is(
    (
        select p.completion_threshold
        from learning.video_progress as p
        where p.video_id = tests.learning_id('video_short')
    ),
    0.500::numeric(4, 3),
    'the progress row records the threshold that applied'
);

select tests.act_as('class_teacher');

select lives_ok(
    $$
    insert into learning.video_settings (tenant_id, video_id, lesson_id, completion_threshold)
    values (
        tests.fixture_id('tenant_a'), tests.learning_id('video_main'),
        tests.learning_id('lesson_published'), 0.95
    )
    $$,
    'the lesson''s author overrides the threshold of one video'
);
select throws_ok(
    $$
    insert into learning.video_settings (tenant_id, video_id, lesson_id, completion_threshold)
    values (
        tests.fixture_id('tenant_a'), tests.learning_id('video_short'),
        tests.learning_id('lesson_published'), 1.5
    )
    $$,
    '23514', null,
    'a threshold above 1 is rejected'
);

select tests.act_as('student');

select learning.record_progress_event(
    :'phone', gen_random_uuid(), 'heartbeat', '2026-11-20 11:00:00+00', 560000, null, 540000
);

select is(
    (select watched_fraction from main_progress),
    0.9500::numeric(5, 4),
    'the student has watched 0.95 of video_main'
);
select is(
    (
        select p.completion_threshold
        from learning.video_progress as p
        where p.video_id = tests.learning_id('video_main')
    ),
    0.950::numeric(4, 3),
    'the video''s override applies to its next update'
);
select is(
    (select completed_at from main_progress),
    '2026-11-20 10:10:00+00'::timestamptz,
    'a higher threshold set later does not clear a completion'
);

-- One batch may carry the events of several sessions and videos.
select is(
    learning.record_progress_events(
        jsonb_build_array(
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-00000000a081', 'session_id', :'laptop',
                'verb', 'heartbeat', 'occurred_at', '2026-11-20T12:00:00Z',
                'position_ms', 580000, 'watched_from_ms', 570000
            ),
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-00000000a082', 'session_id',
                :'short_session', 'verb', 'paused', 'occurred_at', '2026-11-20T12:00:05Z',
                'position_ms', 9000, 'watched_from_ms', 5000
            )
        )
    ),
    2,
    'a batch with the events of two sessions stores both'
);
select results_eq(
    $$
    select p.video_id, p.watched_segments
    from learning.video_progress as p
    where
        p.user_id = tests.fixture_id('student')
        and p.video_id in (tests.learning_id('video_main'), tests.learning_id('video_short'))
    order by p.watched_ms
    $$,
    $$
    values
    (tests.learning_id('video_short'), '{[0,9000)}'::int4multirange),
    (
        tests.learning_id('video_main'),
        '{[0,560000),[570000,580000),[590000,600000)}'::int4multirange
    )
    $$,
    'each video of the batch gets its own progress update'
);

-- last_seen_at of a session moves when it is more than a minute old.
select tests.act_as_owner();
update learning.playback_sessions
set started_at = now() - interval '10 minutes', last_seen_at = now() - interval '5 minutes'
where id = :'laptop';
select tests.act_as('student');

select learning.record_progress_event(
    :'laptop', gen_random_uuid(), 'heartbeat', '2026-11-20 11:30:00+00', 20000, null, 10000
);

select is(
    (
        select s.last_seen_at from learning.playback_sessions as s
        where s.id = :'laptop'
    ),
    now(),
    'an event marks a session seen when its last_seen_at is older than a minute'
);

-- Who reads progress

select is(
    (
        select count(*) from learning.video_progress as p
        where p.user_id = tests.fixture_id('student')
    ),
    3::bigint,
    'the student reads their progress on three videos'
);

select tests.act_as('class_teacher');

select is(
    (
        select count(*)
        from learning.video_progress as p
        where p.user_id = tests.fixture_id('student')
    ),
    3::bigint,
    'the class teacher reads the student''s progress'
);

select tests.act_as('other_teacher');

select is(
    (
        select count(*)
        from learning.video_progress as p
        where p.user_id = tests.fixture_id('student')
    ),
    0::bigint,
    'a teacher of another class reads none of it'
);

select tests.act_as('other_student');

select is(
    (select count(*) from learning.video_progress),
    0::bigint,
    'another student reads no progress'
);
select is(
    (select count(*) from learning.playback_sessions),
    0::bigint,
    'another student reads no session'
);

select tests.act_as('other_tenant_admin');

select is(
    (
        select count(*)
        from learning.video_progress as p
        where p.user_id = tests.fixture_id('student')
    ),
    0::bigint,
    'the admin of another tenant reads none of it'
);

-- Control: the filter is active, because the owner sees the rows the student cannot.
select cmp_ok(
    tests.count_visible_rows('owner', 'learning.video_progress'),
    '>',
    tests.count_visible_rows('student', 'learning.video_progress'),
    'the owner sees more progress rows than the student'
);

select * from finish();
rollback;
