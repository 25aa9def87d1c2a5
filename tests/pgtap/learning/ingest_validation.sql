-- Validation of the ingest calls: every kind of bad input has its own SQLSTATE, a single event
-- and a batch apply the same rules, and a batch with one invalid event stores nothing.
begin;
select plan(79);

select tests.create_fixture();
select tests.create_learning_fixture();

-- The cases run through both calls: a null field is sent as JSON null in the batch.
create temporary table event_cases (
    name text not null,
    verb text,
    occurred_at timestamptz,
    position_ms integer,
    seek_from_ms integer,
    watched_from_ms integer,
    expected text not null
);

insert into event_cases values
('heartbeat inside the video', 'heartbeat', now(), 20000, null, 10000, 'ok'),
('position at the tolerance beyond the end', 'paused', now(), 601000, null, 599000, 'ok'),
('seek with its origin', 'seeked', now(), 50000, 30000, 20000, 'ok'),
(
    'event 4 minutes ahead of the server',
    'played',
    now() + interval '4 minutes',
    0,
    null,
    null,
    'ok'
),
('missing verb', null, now(), 20000, null, null, 'IL310'),
('missing occurred_at', 'heartbeat', null, 20000, null, 10000, 'IL310'),
('missing position', 'heartbeat', now(), null, null, 10000, 'IL310'),
('negative position', 'paused', now(), -1, null, null, 'IL311'),
('position beyond the tolerance', 'paused', now(), 601001, null, null, 'IL311'),
('seek origin beyond the video', 'seeked', now(), 1000, 700000, null, 'IL311'),
('negative watched_from', 'heartbeat', now(), 1000, null, -5, 'IL311'),
('seek without its origin', 'seeked', now(), 1000, null, null, 'IL312'),
('pause with a seek origin', 'paused', now(), 1000, 500, null, 'IL312'),
('play that closes a stretch', 'played', now(), 1000, null, 0, 'IL312'),
('watched_from after the position', 'heartbeat', now(), 1000, null, 2000, 'IL312'),
('watched_from after the seek origin', 'seeked', now(), 50000, 1000, 2000, 'IL312'),
(
    'event 10 minutes ahead of the server', 'heartbeat', now() + interval '10 minutes', 2000, null,
    1000, 'IL313'
);

grant select on event_cases to ilp_app;

select tests.start_session('student', 'video_main') as session_id \gset

select
    case
        when c.expected = 'ok'
            then lives_ok(c.statement, 'single event: ' || c.name || ' is accepted')
        else throws_ok(
            c.statement, c.expected, null,
            'single event: ' || c.name || ' raises ' || c.expected
        )
    end
from (
    select
        e.name,
        e.expected,
        format(
            'select learning.record_progress_event(%L, gen_random_uuid(), %L, %L, %L, %L, %L)',
            :'session_id', e.verb, e.occurred_at, e.position_ms, e.seek_from_ms,
            e.watched_from_ms
        ) as statement
    from event_cases as e
) as c
order by c.name;

select
    case
        when c.expected = 'ok'
            then lives_ok(c.statement, 'batch: ' || c.name || ' is accepted')
        else throws_ok(
            c.statement, c.expected, null, 'batch: ' || c.name || ' raises ' || c.expected
        )
    end
from (
    select
        e.name,
        e.expected,
        format(
            'select learning.record_progress_events(jsonb_build_array(%L::jsonb))',
            jsonb_build_object(
                'event_id', gen_random_uuid(), 'session_id', :'session_id', 'verb', e.verb,
                'occurred_at', e.occurred_at, 'position_ms', e.position_ms,
                'seek_from_ms', e.seek_from_ms, 'watched_from_ms', e.watched_from_ms
            )
        ) as statement
    from event_cases as e
) as c
order by c.name;

-- Fields that only the single call takes as typed arguments

select throws_ok(
    format(
        $$select learning.record_progress_event(%L, null, 'heartbeat', now(), 1000)$$,
        :'session_id'
    ),
    'IL310', null,
    'single event: a missing event_id raises IL310'
);
select throws_ok(
    $$select learning.record_progress_event(null, gen_random_uuid(), 'heartbeat', now(), 1000)$$,
    'IL310', null,
    'single event: a missing session_id raises IL310'
);

-- The shape of a batch

select throws_ok(
    $$select learning.record_progress_events('{"events": []}')$$,
    'IL310', null,
    'batch: an object instead of an array raises IL310'
);
select throws_ok(
    'select learning.record_progress_events(null)',
    'IL310', null,
    'batch: null raises IL310'
);
select throws_ok(
    $$select learning.record_progress_events('[1, 2]')$$,
    'IL310', null,
    'batch: elements that are not objects raise IL310'
);
select is(
    learning.record_progress_events('[]'),
    0,
    'batch: an empty array stores nothing'
);
select throws_ok(
    format(
        $$
        select learning.record_progress_events(
            (
                select jsonb_agg(jsonb_build_object(
                    'event_id', gen_random_uuid(), 'session_id', %L, 'verb', 'heartbeat',
                    'occurred_at', now(), 'position_ms', 1000, 'watched_from_ms', 0
                ))
                from generate_series(1, 1001)
            )
        )
        $$,
        :'session_id'
    ),
    'IL315', null,
    'batch: 1001 events raise IL315'
);

select
    throws_ok(
        format(
            $$select learning.record_progress_events(jsonb_build_array(%L::jsonb))$$,
            jsonb_build_object(
                'event_id', gen_random_uuid(), 'session_id', :'session_id', 'verb', 'heartbeat',
                'occurred_at', now(), 'position_ms', 2000, 'watched_from_ms', 1000
            ) || t.field
        ),
        'IL310', null,
        'batch: ' || t.name || ' raises IL310'
    )
from (
    values
    ('an event_id that is no UUID', '{"event_id": "abc"}'::jsonb),
    ('a session_id that is no UUID', '{"session_id": 42}'),
    ('an unknown verb', '{"verb": "rewound"}'),
    ('an occurred_at that is no timestamp', '{"occurred_at": "2026-13-45T10:00:00Z"}'),
    ('a position in text', '{"position_ms": "ten"}'),
    ('a fractional position', '{"position_ms": 1.5}')
) as t (name, field)
order by t.name;

-- A batch with one invalid event stores nothing, and its error names the event.

select is(
    (
        select count(*) from learning.progress_events as e
        where e.session_id = :'session_id'
    ),
    8::bigint,
    'the valid cases stored eight events'
);

create temporary table batch_error (sqlstate text, message text);
grant insert on batch_error to ilp_app;
select set_config('test.session_id', :'session_id', true);

do $$
begin
    perform learning.record_progress_events(
        jsonb_build_array(
            jsonb_build_object(
                'event_id', gen_random_uuid(), 'session_id', current_setting('test.session_id'),
                'verb', 'heartbeat', 'occurred_at', now(), 'position_ms', 3000,
                'watched_from_ms', 2000
            ),
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-00000000bad1',
                'session_id', current_setting('test.session_id'), 'verb', 'heartbeat',
                'occurred_at', now(), 'position_ms', 900000
            )
        )
    );
exception
    when others then
        insert into batch_error values (sqlstate, sqlerrm);
end
$$;

select is(
    (select sqlstate from batch_error),
    'IL311',
    'a batch whose second event is invalid raises the error of that event'
);
select ok(
    (select message from batch_error
    ) like 'events[1] (event_id 00000000-0000-7000-8000-00000000bad1)%',
    'the error names the invalid event by index and event_id'
);
select is(
    (
        select count(*) from learning.progress_events as e
        where e.session_id = :'session_id'
    ),
    8::bigint,
    'the valid event of the rejected batch was not stored'
);

-- Context, session and visibility

select tests.act_as('no_context');

select throws_ok(
    format(
        $$select learning.record_progress_event(%L, gen_random_uuid(), 'paused', now(), 1000)$$,
        :'session_id'
    ),
    'IL300', null,
    'single event: without a request context raises IL300'
);
select throws_ok(
    'select learning.record_progress_events(''[]'')',
    'IL300', null,
    'batch: without a request context raises IL300'
);

select tests.act_as('class_teacher');

select throws_ok(
    format(
        $$select learning.record_progress_event(%L, gen_random_uuid(), 'paused', now(), 1000)$$,
        :'session_id'
    ),
    'IL301', null,
    'single event: a teacher raises IL301'
);
select throws_ok(
    format(
        $$
        select learning.record_progress_events(jsonb_build_array(jsonb_build_object(
            'event_id', gen_random_uuid(), 'session_id', %L, 'verb', 'paused',
            'occurred_at', now(), 'position_ms', 1000
        )))
        $$,
        :'session_id'
    ),
    'IL301', null,
    'batch: a teacher raises IL301'
);

select tests.act_as('other_student');

select throws_ok(
    format(
        $$select learning.record_progress_event(%L, gen_random_uuid(), 'paused', now(), 1000)$$,
        :'session_id'
    ),
    'IL302', null,
    'single event: another student''s session raises IL302'
);
select throws_ok(
    format(
        $$
        select learning.record_progress_events(jsonb_build_array(jsonb_build_object(
            'event_id', gen_random_uuid(), 'session_id', %L, 'verb', 'paused',
            'occurred_at', now(), 'position_ms', 1000
        )))
        $$,
        :'session_id'
    ),
    'IL302', null,
    'batch: another student''s session raises IL302'
);

select tests.act_as('student');

select throws_ok(
    format(
        $$
        select learning.record_progress_events(jsonb_build_array(
            jsonb_build_object(
                'event_id', gen_random_uuid(), 'session_id', %L, 'verb', 'paused',
                'occurred_at', now(), 'position_ms', 1000
            ),
            jsonb_build_object(
                'event_id', gen_random_uuid(), 'session_id', gen_random_uuid(), 'verb', 'paused',
                'occurred_at', now(), 'position_ms', 1000
            )
        ))
        $$,
        :'session_id'
    ),
    'IL302', null,
    'batch: one unknown session among known ones raises IL302'
);

-- The lesson is archived after the session started: the video is no longer visible.
select tests.act_as_owner();
update content.lessons set status = 'archived'
where id = tests.learning_id('lesson_published');
select tests.act_as('student');

select throws_ok(
    format(
        $$select learning.record_progress_event(%L, gen_random_uuid(), 'paused', now(), 1000)$$,
        :'session_id'
    ),
    'IL304', null,
    'single event: a video whose lesson is no longer published raises IL304'
);
select throws_ok(
    format(
        $$
        select learning.record_progress_events(jsonb_build_array(jsonb_build_object(
            'event_id', gen_random_uuid(), 'session_id', %L, 'verb', 'paused',
            'occurred_at', now(), 'position_ms', 1000
        )))
        $$,
        :'session_id'
    ),
    'IL304', null,
    'batch: a video whose lesson is no longer published raises IL304'
);

select tests.act_as_owner();
update content.lessons set status = 'published'
where id = tests.learning_id('lesson_published');
-- The student's enrollment in class_1 ends: the lesson is assigned to no class they attend.
update tenancy.enrollments set ended_at = now()
where class_id = tests.fixture_id('class_1') and user_id = tests.fixture_id('student');
select tests.act_as('student');

select throws_ok(
    format(
        $$select learning.record_progress_event(%L, gen_random_uuid(), 'paused', now(), 1000)$$,
        :'session_id'
    ),
    'IL305', null,
    'single event: a student no longer enrolled in the lesson''s class raises IL305'
);
select throws_ok(
    format(
        $$
        select learning.record_progress_events(jsonb_build_array(jsonb_build_object(
            'event_id', gen_random_uuid(), 'session_id', %L, 'verb', 'paused',
            'occurred_at', now(), 'position_ms', 1000
        )))
        $$,
        :'session_id'
    ),
    'IL305', null,
    'batch: a student no longer enrolled in the lesson''s class raises IL305'
);
select throws_ok(
    'select learning.resume_position(tests.learning_id(''video_main''))',
    'IL305', null,
    'resume: a student no longer enrolled in the lesson''s class raises IL305'
);

select tests.act_as_owner();
update tenancy.enrollments set ended_at = null
where class_id = tests.fixture_id('class_1') and user_id = tests.fixture_id('student');

-- A session of a video without a duration, written by the owner: start_playback_session()
-- refuses to create one.
insert into learning.playback_sessions (
    tenant_id, id, user_id, video_id, lesson_id, device_id, platform
)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-7000-8000-0000000005e5',
    tests.fixture_id('student'), tests.learning_id('video_unprocessed'),
    tests.learning_id('lesson_published'), 'test-device', 'android'
);
select tests.act_as('student');

select throws_ok(
    $$
    select learning.record_progress_event(
        '00000000-0000-7000-8000-0000000005e5', gen_random_uuid(), 'paused', now(), 1000
    )
    $$,
    'IL306', null,
    'single event: a video without a duration raises IL306'
);
select throws_ok(
    $$
    select learning.record_progress_events(jsonb_build_array(jsonb_build_object(
        'event_id', gen_random_uuid(), 'session_id', '00000000-0000-7000-8000-0000000005e5',
        'verb', 'paused', 'occurred_at', now(), 'position_ms', 1000
    )))
    $$,
    'IL306', null,
    'batch: a video without a duration raises IL306'
);

-- Starting sessions

select throws_ok(
    'select tests.start_session(''student'', ''video_unprocessed'')',
    'IL306', null,
    'a session of a video without a duration cannot start'
);
select throws_ok(
    'select tests.start_session(''student'', ''video_draft'')',
    'IL304', null,
    'a session of a video of a draft lesson cannot start'
);
select throws_ok(
    'select tests.start_session(''student'', ''video_other_class'')',
    'IL305', null,
    'a session of a lesson assigned to another class cannot start'
);
select throws_ok(
    'select tests.start_session(''student'', ''video_b'')',
    'IL303', null,
    'a session of another tenant''s video cannot start'
);
select throws_ok(
    $$
    select learning.start_playback_session(tests.learning_id('video_main'), 'bad device', 'web')
    $$,
    '23514', null,
    'a device id with a space is rejected by its check constraint'
);
select throws_ok(
    $$
    select learning.start_playback_session(
        tests.learning_id('video_main'), 'device-1', 'web', p_playback_speed => 8
    )
    $$,
    '23514', null,
    'a playback speed above 4 is rejected by its check constraint'
);
select is(
    learning.start_playback_session(
        tests.learning_id('video_main'), 'device-2', 'ios',
        p_session_id => '00000000-0000-7000-8000-0000000005e6'
    ),
    '00000000-0000-7000-8000-0000000005e6'::uuid,
    'a session starts with the id the client chose'
);
select is(
    learning.start_playback_session(
        tests.learning_id('video_main'), 'device-2', 'ios',
        p_session_id => '00000000-0000-7000-8000-0000000005e6'
    ),
    '00000000-0000-7000-8000-0000000005e6'::uuid,
    'a retried start returns the same session'
);
select throws_ok(
    $$
    select learning.start_playback_session(
        tests.learning_id('video_short'), 'device-2', 'ios',
        p_session_id => '00000000-0000-7000-8000-0000000005e6'
    )
    $$,
    'IL307', null,
    'a session id of another video raises IL307'
);
select is(
    (
        select count(*)
        from learning.playback_sessions as s
        where s.id = '00000000-0000-7000-8000-0000000005e6'
    ),
    1::bigint,
    'the retried start left one session'
);

-- The student changes the settings of their session and ends it, directly under the policies.
select lives_ok(
    format(
        $$
        update learning.playback_sessions
        set playback_speed = 1.5, captions_language = 'fr-FR', full_screen = true,
            ended_at = now()
        where id = %L
        $$,
        :'session_id'
    ),
    'the student updates the settings of their session and ends it'
);
select results_eq(
    format(
        $$
        select playback_speed, captions_language, full_screen, ended_at is not null
        from learning.playback_sessions where id = %L
        $$,
        :'session_id'
    ),
    $$values (1.50::numeric(3, 2), 'fr-FR', true, true)$$,
    'the session keeps the new settings'
);
select is(
    learning.record_progress_event(:'session_id', gen_random_uuid(), 'paused', now(), 1000),
    true,
    'an ended session still accepts the late events of an offline client'
);

select tests.act_as('other_student');

with changed as (
    update learning.playback_sessions set volume = 0
    where id = :'session_id'
    returning 1
)

select is(count(*), 0::bigint, 'another student cannot change the session')
from changed;

select * from finish();
rollback;
