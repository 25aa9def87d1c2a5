-- Structure of the learning schema: tables, keys, the partitioning of the event log, triggers,
-- privileges of the login roles and the execute grants of the learning functions.
begin;
select plan(43);

select results_eq(
    $$
    select c.oid::regclass::text
    from pg_catalog.pg_class as c
    where
        c.relnamespace = 'learning'::regnamespace
        and c.relkind in ('r', 'p')
        and not c.relispartition
    order by 1
    $$,
    array[
        'learning.attempt_grades',
        'learning.lesson_settings',
        'learning.playback_sessions',
        'learning.progress_events',
        'learning.question_attempts',
        'learning.question_results',
        'learning.video_progress',
        'learning.video_settings'
    ],
    'the learning schema has exactly the learning tables, besides partitions'
);

select col_is_pk(
    'learning', 'progress_events', array['tenant_id', 'occurred_at', 'event_id'],
    'progress_events is keyed by tenant, occurred_at and the client''s event id'
);
select col_is_pk(
    'learning', 'video_progress', array['tenant_id', 'user_id', 'video_id'],
    'video_progress has one row per tenant, student and video'
);
select col_is_pk(
    'learning', 'question_results',
    array['tenant_id', 'user_id', 'question_id', 'question_version'],
    'question_results has one row per student and question version'
);
select col_is_pk(
    'learning', 'playback_sessions', array['tenant_id', 'id'],
    'playback_sessions is keyed by tenant and id'
);
select col_is_pk(
    'learning', 'question_attempts', array['tenant_id', 'id'],
    'question_attempts is keyed by tenant and id'
);
select col_is_unique(
    'learning', 'question_attempts',
    array['tenant_id', 'user_id', 'question_id', 'question_version', 'attempt_number'],
    'attempt numbers are unique per student and question version'
);
select col_type_is(
    'learning', 'video_progress', 'watched_segments', 'int4multirange',
    'watched segments are a multirange of milliseconds'
);
select col_type_is(
    'learning', 'progress_events', 'verb', 'learning.progress_verb',
    'the verb of an event is an enum'
);

select is(
    (
        select p.partstrat::text
        from pg_catalog.pg_partitioned_table as p
        where p.partrelid = 'learning.progress_events'::regclass
    ),
    'r',
    'progress_events is partitioned by range'
);
select is(
    (
        select array_agg(a.attname::text)
        from pg_catalog.pg_partitioned_table as p
        inner join pg_catalog.pg_attribute as a
            on p.partrelid = a.attrelid and a.attnum = any(p.partattrs::int2[])
        where p.partrelid = 'learning.progress_events'::regclass
    ),
    array['occurred_at'],
    'progress_events is partitioned on occurred_at'
);
select is(
    (
        select p.partdefid
        from pg_catalog.pg_partitioned_table as p
        where p.partrelid = 'learning.progress_events'::regclass
    ),
    0::oid,
    'progress_events has no default partition'
);
select ok(
    (
        select
            bool_and(
                pg_catalog.pg_get_expr(c.relpartbound, c.oid)
                = format(
                    'FOR VALUES FROM (''%s'') TO (''%s'')',
                    to_char(
                        to_date(substr(c.relname, 17), 'YYYY_MM')::timestamp
                        at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SSOF'
                    ),
                    to_char(
                        (to_date(substr(c.relname, 17), 'YYYY_MM') + interval '1 month')::timestamp
                        at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SSOF'
                    )
                )
            )
        from pg_catalog.pg_inherits as i
        inner join pg_catalog.pg_class as c on i.inhrelid = c.oid
        where i.inhparent = 'learning.progress_events'::regclass
    ),
    'every partition progress_events_YYYY_MM covers exactly its UTC month'
);
select cmp_ok(
    (
        select count(*)
        from pg_catalog.pg_inherits as i
        where i.inhparent = 'learning.progress_events'::regclass
    ),
    '>=',
    4::bigint,
    'progress_events has at least the partitions of its migration'
);
select ok(
    to_regclass(
        'learning.progress_events_' || to_char(now() at time zone 'UTC', 'YYYY_MM')
    ) is not null,
    'the partition of the current month exists after the maintenance of the setup'
);
select is_empty(
    $$
    select c.relname::text
    from pg_catalog.pg_inherits as i
    inner join pg_catalog.pg_class as c on i.inhrelid = c.oid
    where
        i.inhparent = 'learning.progress_events'::regclass
        and c.relowner <> 'ilp_owner'::regrole
    $$,
    'every partition of progress_events belongs to ilp_owner'
);
select is_empty(
    $$
    select c.relname::text || ' ' || r.rolname
    from pg_catalog.pg_inherits as i
    inner join pg_catalog.pg_class as c on i.inhrelid = c.oid
    cross join pg_catalog.pg_roles as r
    where
        i.inhparent = 'learning.progress_events'::regclass
        and r.rolname in ('ilp_app', 'ilp_operator', 'ilp_analytics')
        and has_table_privilege(r.oid, c.oid, 'select, insert, update, delete')
    $$,
    'no login role has a privilege on a partition of progress_events'
);
select is_empty(
    $$
    select c.relname::text
    from pg_catalog.pg_inherits as i
    inner join pg_catalog.pg_class as c on i.inhrelid = c.oid
    where
        i.inhparent = 'learning.progress_events'::regclass
        and not exists (
            select
            from pg_catalog.pg_trigger as t
            where t.tgrelid = c.oid and t.tgname = 'reject_update'
        )
    $$,
    'every partition of progress_events has the trigger reject_update'
);

select has_trigger(
    'learning', 'progress_events', 'reject_update',
    'progress_events rejects updates with a trigger'
);
select has_trigger(
    'learning', 'lesson_settings', 'rescore_results',
    'lesson_settings recomputes the current scores when the grade policy changes'
);
select has_trigger(
    'learning', 'playback_sessions', 'set_updated_at',
    'playback_sessions keeps updated_at current'
);

-- Privileges of ilp_app: reads, and the few direct writes the policies allow.
select ok(
    not has_table_privilege('ilp_app', 'learning.progress_events', 'insert'),
    'ilp_app cannot insert events directly, only through the ingest functions'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.progress_events', 'update'),
    'ilp_app cannot update events'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.progress_events', 'delete'),
    'ilp_app cannot delete events'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.video_progress', 'insert, update, delete'),
    'ilp_app cannot write video progress directly'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.question_attempts', 'insert, update, delete'),
    'ilp_app cannot write attempts directly'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.attempt_grades', 'insert, update, delete'),
    'ilp_app cannot write grades directly'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.question_results', 'insert, update, delete'),
    'ilp_app cannot write results directly'
);
select ok(
    not has_table_privilege('ilp_app', 'learning.playback_sessions', 'insert'),
    'ilp_app starts sessions only through learning.start_playback_session()'
);
select ok(
    has_column_privilege('ilp_app', 'learning.playback_sessions', 'volume', 'update'),
    'ilp_app may update the playback settings of a session'
);
select ok(
    not has_column_privilege('ilp_app', 'learning.playback_sessions', 'user_id', 'update'),
    'ilp_app may not move a session to another student'
);
select ok(
    not has_column_privilege('ilp_app', 'learning.playback_sessions', 'last_seen_at', 'update'),
    'ilp_app may not set last_seen_at, which ingest maintains'
);

-- Execute privileges of the entry points.
select ok(
    has_function_privilege(
        'ilp_app',
        'learning.record_progress_event(uuid, uuid, learning.progress_verb, timestamptz, '
        'integer, integer, integer)',
        'execute'
    ),
    'ilp_app may call the single-event ingest'
);
select ok(
    has_function_privilege('ilp_app', 'learning.record_progress_events(jsonb)', 'execute'),
    'ilp_app may call the batch ingest'
);
select ok(
    has_function_privilege('ilp_app', 'learning.resume_position(uuid)', 'execute'),
    'ilp_app may call the resume lookup'
);
select ok(
    has_function_privilege(
        'ilp_app', 'learning.submit_answer(uuid, integer, jsonb, uuid)', 'execute'
    ),
    'ilp_app may submit answers'
);
select ok(
    has_function_privilege('ilp_app', 'learning.grade_attempt(uuid, numeric, text)', 'execute'),
    'ilp_app may grade attempts'
);
select ok(
    not has_function_privilege(
        'ilp_app',
        'learning.merge_video_progress(uuid, uuid, uuid, uuid, integer, numeric, '
        'int4multirange, integer, timestamptz, uuid, integer, uuid, text, timestamptz)',
        'execute'
    ),
    'ilp_app cannot call the progress merge, which trusts its arguments'
);
select ok(
    not has_function_privilege(
        'ilp_app',
        'learning.refresh_question_result(uuid, uuid, uuid, integer, learning.grade_policy)',
        'execute'
    ),
    'ilp_app cannot call the results refresh'
);
select ok(
    not has_function_privilege('ilp_app', 'ops.run_maintenance()', 'execute'),
    'ilp_app cannot run the maintenance'
);
select ok(
    not has_function_privilege('ilp_operator', 'ops.run_maintenance()', 'execute'),
    'ilp_operator cannot run the maintenance'
);
select ok(
    not has_function_privilege('ilp_app', 'learning.current_student()', 'execute'),
    'ilp_app cannot call the context check of the learning functions directly'
);
select ok(
    not has_schema_privilege('ilp_analytics', 'learning', 'usage'),
    'ilp_analytics has no usage on the learning schema'
);

select * from finish();
rollback;
