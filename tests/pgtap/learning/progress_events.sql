-- The progress event log: idempotent ingest although the key contains the partition column, an
-- event repeated inside a batch, events outside the partitions before and after maintenance, and
-- updates, which are rejected even when they would move an event to another partition.
begin;
select plan(30);

select tests.create_fixture();
select tests.create_learning_fixture();

select tests.start_session('student', 'video_main') as session_id \gset

-- Retries of one event

select is(
    learning.record_progress_event(
        :'session_id', '00000000-0000-7000-8000-000000000e01', 'heartbeat',
        '2026-11-15 10:00:00+00', 20000, null, 10000
    ),
    true,
    'a new event is stored'
);
select is(
    learning.record_progress_event(
        :'session_id', '00000000-0000-7000-8000-000000000e01', 'heartbeat',
        '2026-11-15 10:00:00+00', 20000, null, 10000
    ),
    false,
    'the same event sent again is reported as already stored'
);
select is(
    learning.record_progress_event(
        :'session_id', '00000000-0000-7000-8000-000000000e01', 'heartbeat',
        '2026-11-15 10:00:00+00', 25000, null, 10000
    ),
    false,
    'an event with a stored event_id and occurred_at but another position is not stored again'
);
select is(
    (
        select array_agg(e.position_ms)
        from learning.progress_events as e
        where e.event_id = '00000000-0000-7000-8000-000000000e01'
    ),
    array[20000],
    'the event is stored once, as its first copy'
);
select is(
    (
        select p.watched_ms
        from learning.video_progress as p
        where p.video_id = tests.learning_id('video_main')
    ),
    10000,
    'the retries did not change the progress'
);

-- Repeats inside a batch and across batches

select is(
    learning.record_progress_events(
        jsonb_build_array(
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-000000000e02', 'session_id', :'session_id',
                'verb', 'heartbeat', 'occurred_at', '2026-11-15T10:00:10Z', 'position_ms', 30000,
                'watched_from_ms', 20000
            ),
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-000000000e02', 'session_id', :'session_id',
                'verb', 'heartbeat', 'occurred_at', '2026-11-15T10:00:10Z', 'position_ms', 30000,
                'watched_from_ms', 20000
            )
        )
    ),
    1,
    'a batch holding the same event twice stores it once, without an error'
);
select is(
    (
        select count(*)
        from learning.progress_events as e
        where e.event_id = '00000000-0000-7000-8000-000000000e02'
    ),
    1::bigint,
    'the event repeated in the batch has one row'
);
select is(
    learning.record_progress_events(
        jsonb_build_array(
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-000000000e02', 'session_id', :'session_id',
                'verb', 'heartbeat', 'occurred_at', '2026-11-15T10:00:10Z', 'position_ms', 30000,
                'watched_from_ms', 20000
            ),
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-000000000e03', 'session_id', :'session_id',
                'verb', 'paused', 'occurred_at', '2026-11-15T10:00:12Z', 'position_ms', 32000,
                'watched_from_ms', 30000
            )
        )
    ),
    1,
    'a batch retried with one new event stores only the new one'
);
select is(
    learning.record_progress_events(
        jsonb_build_array(
            jsonb_build_object(
                'event_id', '00000000-0000-7000-8000-000000000e03', 'session_id', :'session_id',
                'verb', 'paused', 'occurred_at', '2026-11-15T10:00:12Z', 'position_ms', 32000,
                'watched_from_ms', 30000
            )
        )
    ),
    0,
    'a batch of stored events stores nothing'
);
select is(
    (
        select count(*)
        from learning.progress_events as e
        where e.session_id = :'session_id'::uuid
    ),
    3::bigint,
    'the session has three events after all the retries'
);
select is(
    (
        select p.watched_segments
        from learning.video_progress as p
        where p.video_id = tests.learning_id('video_main')
    ),
    '{[10000,32000)}'::int4multirange,
    'the watched segments count each retried event once'
);
select is(
    learning.record_progress_event(
        :'session_id', '00000000-0000-7000-8000-000000000e01', 'heartbeat',
        '2026-11-16 10:00:00+00', 40000, null, 32000
    ),
    true,
    'an event id reused with another occurred_at is a new event'
);

-- Events outside the partitions, before and after maintenance

select throws_ok(
    $$
    select learning.record_progress_event(
        tests.learning_id('video_main'), gen_random_uuid(), 'heartbeat', '2020-01-01 00:00:00+00',
        1000, null, 0
    )
    $$,
    'IL302', null,
    'an unknown session is reported before the partition'
);
select throws_ok(
    format(
        $$select learning.record_progress_event(%L, gen_random_uuid(), 'heartbeat', %L, 1000)$$,
        :'session_id', '2020-01-01 00:00:00+00'
    ),
    'IL314', null,
    'an event older than every partition is rejected with IL314, not dropped'
);

-- The owner removes the partition of the current month, as if maintenance had not run yet.
select tests.act_as_owner();

select lives_ok(
    format(
        'drop table learning.progress_events_%s',
        to_char(now() at time zone 'UTC', 'YYYY_MM')
    ),
    'the owner drops the partition of the current month'
);

select tests.act_as('student');

select throws_ok(
    format(
        $$
        select learning.record_progress_event(
            %L, '00000000-0000-7000-8000-000000000e04', 'heartbeat', now(), 41000, null, 40000
        )
        $$,
        :'session_id'
    ),
    'IL314', null,
    'a single event of a month without a partition is rejected with IL314'
);
select throws_ok(
    format(
        $$
        select learning.record_progress_events(jsonb_build_array(jsonb_build_object(
            'event_id', '00000000-0000-7000-8000-000000000e04', 'session_id', %L,
            'verb', 'heartbeat', 'occurred_at', now(), 'position_ms', 41000,
            'watched_from_ms', 40000
        )))
        $$,
        :'session_id'
    ),
    'IL314', null,
    'a batch with an event of a month without a partition is rejected with IL314'
);

select tests.act_as_owner();

select results_eq(
    'select task, detail from ops.run_maintenance()',
    format(
        $$values ('create_partition', 'learning.progress_events_%s')$$,
        to_char(now() at time zone 'UTC', 'YYYY_MM')
    ),
    'maintenance creates the missing partition and reports it'
);
select is_empty(
    'select * from ops.run_maintenance()',
    'maintenance run again finds nothing to do'
);
select ok(
    exists (
        select
        from pg_catalog.pg_trigger as t
        where
            t.tgrelid = format(
                'learning.progress_events_%s', to_char(now() at time zone 'UTC', 'YYYY_MM')
            )::regclass
            and t.tgname = 'reject_update'
    ),
    'the partition created by maintenance rejects updates too'
);

select tests.act_as('student');

select is(
    learning.record_progress_event(
        :'session_id', '00000000-0000-7000-8000-000000000e04', 'heartbeat', now(), 41000, null,
        40000
    ),
    true,
    'after maintenance the same event is accepted'
);

-- Updates

select throws_ok(
    $$
    update learning.progress_events set position_ms = 0
    where event_id = '00000000-0000-7000-8000-000000000e03'
    $$,
    '42501', null,
    'a student cannot update an event'
);
select throws_ok(
    $$
    delete from learning.progress_events
    where event_id = '00000000-0000-7000-8000-000000000e03'
    $$,
    '42501', null,
    'a student cannot delete an event'
);

select tests.act_as_owner();

select throws_ok(
    $$
    update learning.progress_events set position_ms = 0
    where event_id = '00000000-0000-7000-8000-000000000e03'
    $$,
    'IL319', null,
    'even the owner cannot change an event'
);
select throws_ok(
    $$
    update learning.progress_events set occurred_at = occurred_at + interval '1 month'
    where event_id = '00000000-0000-7000-8000-000000000e03'
    $$,
    'IL319', null,
    'an update that would move an event to the next month''s partition is rejected'
);
select throws_ok(
    $$
    update learning.progress_events set occurred_at = occurred_at + interval '1 second'
    where event_id = '00000000-0000-7000-8000-000000000e03'
    $$,
    'IL319', null,
    'an update of occurred_at within the same partition is rejected'
);
select lives_ok(
    $$
    update learning.progress_events set position_ms = position_ms
    where event_id = '00000000-0000-7000-8000-000000000e03'
    $$,
    'an update that changes nothing passes, because it changes no event'
);
select is(
    (
        select e.occurred_at
        from learning.progress_events as e
        where e.event_id = '00000000-0000-7000-8000-000000000e03'
    ),
    '2026-11-15 10:00:12+00'::timestamptz,
    'the event kept its time and partition'
);

-- Control: the student's reads are filtered, because the owner sees the events of the
-- access matrix's records too.
select cmp_ok(
    tests.count_visible_rows('owner', 'learning.progress_events'),
    '>',
    tests.count_visible_rows('other_student', 'learning.progress_events'),
    'the owner sees more events than other_student'
);
select is(
    tests.count_visible_rows('other_student', 'learning.progress_events'),
    0::bigint,
    'other_student sees none of the student''s events'
);

select * from finish();
rollback;
