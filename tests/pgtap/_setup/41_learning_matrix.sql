-- The learning records that the access matrix probes aim at, and the matrix rows and probes of
-- the learning tables, added to the tables of 20_access_matrix.sql.
--
-- tests.create_fixture() creates the records by itself: a trigger below runs after the content
-- fixture's trigger (triggers of one event fire in name order), when the content rows exist.
-- The records use the content fixture's lesson, video and question, so the behaviour tests,
-- which use the objects of 40_learning_fixture.sql, start from no learning record of theirs.

-- Usage: select tests.learning_record_id('session') returns the id of a learning record of the
-- access matrix.
create or replace function tests.learning_record_id(p_name text)
returns uuid
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_name not in (
        'session', 'event', 'attempt', 'probe_session', 'probe_event', 'probe_attempt',
        'b_session', 'b_event', 'b_attempt'
    ) then
        raise exception 'unknown learning record %', p_name
            using hint = 'Use a name listed in tests.learning_record_id().';
    end if;

    return md5('ilp-test-learning-record/' || p_name)::uuid;
end
$$;

comment on function tests.learning_record_id(text) is
'Returns the fixed uuid of a learning record of the access matrix by name (session, event, '
'attempt, ...); raises on an unknown name.';

-- Usage: select tests.create_learning_records(); as a superuser after the content fixture exists;
-- tests.create_fixture() already calls it through the trigger below, and a second call does
-- nothing. In tenant A: completion and grading settings of the content fixture's lesson and
-- video, a session of the student on its video with one heartbeat that watched [0 s, 46 s), the
-- student's attempt on its approved question, regraded by class_teacher, and the results row.
-- In tenant B the same for other_tenant_student on b_video and b_question, graded by
-- other_tenant_admin.
create or replace function tests.create_learning_records()
returns void
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_actor record;
begin
    if exists (
        select
        from learning.playback_sessions as s
        where
            s.tenant_id = tests.fixture_id('tenant_a')
            and s.id = tests.learning_record_id('session')
    ) then
        return;
    end if;

    insert into learning.lesson_settings (tenant_id, lesson_id, completion_threshold)
    values
    (tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'), 0.8),
    (tests.fixture_id('tenant_b'), tests.content_fixture_id('b_lesson'), 0.8);

    insert into learning.video_settings (tenant_id, video_id, lesson_id, completion_threshold)
    values
    (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.content_fixture_id('lesson'), 0.75
    ),
    (
        tests.fixture_id('tenant_b'), tests.content_fixture_id('b_video'),
        tests.content_fixture_id('b_lesson'), 0.75
    );

    -- Each student records through the public functions, with the request context set by hand
    -- (app.current_membership() checks it like app.begin_request() would).
    for v_actor in
        select *
        from (
            values
            (
                tests.fixture_id('tenant_a'), tests.fixture_id('student'),
                tests.fixture_id('class_teacher'), tests.content_fixture_id('video'),
                tests.content_fixture_id('question'), '{"option_id": "co2"}'::jsonb, 'session',
                'event', 'attempt'
            ),
            (
                tests.fixture_id('tenant_b'), tests.fixture_id('other_tenant_student'),
                tests.fixture_id('other_tenant_admin'), tests.content_fixture_id('b_video'),
                tests.content_fixture_id('b_question'), '{"value": true}'::jsonb, 'b_session',
                'b_event', 'b_attempt'
            )
        ) as a (
            tenant_id, student_id, grader_id, video_id, question_id, response, session, event,
            attempt
        )
    loop
        perform set_config('ilp.tenant_id', v_actor.tenant_id::text, true);
        perform set_config('ilp.user_id', v_actor.student_id::text, true);

        perform learning.start_playback_session(
            v_actor.video_id, 'matrix-device', 'web', p_session_id => tests.learning_record_id(
                v_actor.session
            )
        );
        perform learning.record_progress_event(
            tests.learning_record_id(v_actor.session),
            tests.learning_record_id(v_actor.event),
            'heartbeat',
            now(),
            46000,
            null,
            0
        );
        perform learning.submit_answer(
            v_actor.question_id, 1, v_actor.response, tests.learning_record_id(v_actor.attempt)
        );

        perform set_config('ilp.user_id', v_actor.grader_id::text, true);
        perform learning.grade_attempt(tests.learning_record_id(v_actor.attempt), 0, 'Regraded.');
    end loop;

    perform set_config('ilp.tenant_id', '', true);
    perform set_config('ilp.user_id', '', true);
end
$$;

comment on function tests.create_learning_records() is
'Inserts the learning records of the access matrix (see the comment above the function in the '
'setup file). Run it as a superuser after the content fixture; a second call does nothing.';

create or replace function tests.tg_enrollments__create_learning_records()
returns trigger
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
begin
    if
        exists (
            select
            from inserted_rows as e
            where
                e.tenant_id = tests.fixture_id('tenant_b')
                and e.class_id = tests.fixture_id('class_b')
                and e.user_id = tests.fixture_id('other_tenant_student')
        )
    then
        perform tests.create_learning_records();
    end if;

    return null;
end
$$;

comment on function tests.tg_enrollments__create_learning_records() is
'Trigger function: runs tests.create_learning_records() after the statement of '
'tests.create_fixture() that enrolls other_tenant_student in class_b, once the trigger '
'create_content_fixture has created the content rows.';

-- The name sorts after create_content_fixture, so this trigger fires second.
create or replace trigger create_learning_records
after insert on tenancy.enrollments
referencing new table as inserted_rows
for each statement
execute function tests.tg_enrollments__create_learning_records();

insert into tests.access_matrix (table_name, actor, command, expected)
select
    m.table_name,
    m.actor,
    c.command,
    c.expected
from (
    values
    -- learning.lesson_settings of the content fixture's lesson: read by the tenant's staff and
    -- its students, written by its author (class_teacher) and the admin. The insert probe aims at
    -- other_teacher's draft lesson.
    ('learning.lesson_settings', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('learning.lesson_settings', 'class_teacher', 'allow', 'deny', 'allow', 'allow'),
    ('learning.lesson_settings', 'other_teacher', 'allow', 'allow', 'deny', 'deny'),
    ('learning.lesson_settings', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.lesson_settings', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.lesson_settings', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.lesson_settings', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.lesson_settings', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.lesson_settings', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.video_settings of the content fixture's video; the insert probe aims at the spare
    -- video of the same lesson.
    ('learning.video_settings', 'admin', 'allow', 'allow', 'allow', 'allow'),
    ('learning.video_settings', 'class_teacher', 'allow', 'allow', 'allow', 'allow'),
    ('learning.video_settings', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_settings', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_settings', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_settings', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_settings', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_settings', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_settings', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.playback_sessions, the student's session: read by the student, their teacher and
    -- the admin. The student changes its settings, and no actor inserts or deletes directly.
    ('learning.playback_sessions', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'student', 'allow', 'deny', 'allow', 'deny'),
    ('learning.playback_sessions', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.playback_sessions', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.progress_events, the student's heartbeat: read-only, written by the ingest
    -- functions alone.
    ('learning.progress_events', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.progress_events', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.video_progress, the student's progress on the video: read-only.
    ('learning.video_progress', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.video_progress', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.question_attempts, the student's attempt: read-only.
    ('learning.question_attempts', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_attempts', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.attempt_grades, class_teacher's grade of that attempt: read by the actors who
    -- read the attempt.
    ('learning.attempt_grades', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.attempt_grades', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- learning.question_results, the student's result on the question: read-only.
    ('learning.question_results', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('learning.question_results', 'analytics', 'deny', 'deny', 'deny', 'deny')
) as m (table_name, actor, select_expected, insert_expected, update_expected, delete_expected)
cross join lateral (
    values
    ('select', m.select_expected),
    ('insert', m.insert_expected),
    ('update', m.update_expected),
    ('delete', m.delete_expected)
) as c (command, expected);

-- Probes of the tables that ilp_app cannot write insert rows that the owner can: new ids, and
-- other_student's rows where the key is a student and a video or question.
insert into tests.access_probes (table_name, command, probe_sql, deny_sqlstates)
values
(
    'learning.lesson_settings', 'select',
    $$
    select 1 from learning.lesson_settings
    where
        tenant_id = tests.fixture_id('tenant_a')
        and lesson_id = tests.content_fixture_id('lesson')
    $$,
    '{42501}'
),
(
    'learning.lesson_settings', 'insert',
    $$
    insert into learning.lesson_settings (tenant_id, lesson_id, grade_policy)
    values (tests.fixture_id('tenant_a'), tests.content_fixture_id('draft_lesson'), 'latest')
    $$,
    '{42501}'
),
(
    'learning.lesson_settings', 'update',
    $$
    update learning.lesson_settings set completion_threshold = 0.85
    where
        tenant_id = tests.fixture_id('tenant_a')
        and lesson_id = tests.content_fixture_id('lesson')
    $$,
    '{42501}'
),
(
    'learning.lesson_settings', 'delete',
    $$
    delete from learning.lesson_settings
    where
        tenant_id = tests.fixture_id('tenant_a')
        and lesson_id = tests.content_fixture_id('lesson')
    $$,
    '{42501}'
),

(
    'learning.video_settings', 'select',
    $$
    select 1 from learning.video_settings
    where
        tenant_id = tests.fixture_id('tenant_a')
        and video_id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),
(
    'learning.video_settings', 'insert',
    $$
    insert into learning.video_settings (tenant_id, video_id, lesson_id, completion_threshold)
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('spare_video'),
        tests.content_fixture_id('lesson'), 0.5
    )
    $$,
    '{42501}'
),
(
    'learning.video_settings', 'update',
    $$
    update learning.video_settings set completion_threshold = 0.95
    where
        tenant_id = tests.fixture_id('tenant_a')
        and video_id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),
(
    'learning.video_settings', 'delete',
    $$
    delete from learning.video_settings
    where
        tenant_id = tests.fixture_id('tenant_a')
        and video_id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),

(
    'learning.playback_sessions', 'select',
    $$
    select 1 from learning.playback_sessions
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.learning_record_id('session')
    $$,
    '{42501}'
),
(
    'learning.playback_sessions', 'insert',
    $$
    insert into learning.playback_sessions (
        tenant_id, id, user_id, video_id, lesson_id, device_id, platform
    )
    values (
        tests.fixture_id('tenant_a'), tests.learning_record_id('probe_session'),
        tests.fixture_id('student'), tests.content_fixture_id('video'),
        tests.content_fixture_id('lesson'), 'probe-device', 'ios'
    )
    $$,
    '{42501}'
),
(
    'learning.playback_sessions', 'update',
    $$
    update learning.playback_sessions set volume = 0.5, captions_language = 'fr'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.learning_record_id('session')
    $$,
    '{42501}'
),
(
    'learning.playback_sessions', 'delete',
    $$
    delete from learning.playback_sessions
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.learning_record_id('session')
    $$,
    '{42501}'
),

(
    'learning.progress_events', 'select',
    $$
    select 1 from learning.progress_events
    where tenant_id = tests.fixture_id('tenant_a') and event_id = tests.learning_record_id('event')
    $$,
    '{42501}'
),
(
    'learning.progress_events', 'insert',
    $$
    insert into learning.progress_events (
        tenant_id, occurred_at, event_id, user_id, video_id, session_id, verb, position_ms
    )
    values (
        tests.fixture_id('tenant_a'), now(), tests.learning_record_id('probe_event'),
        tests.fixture_id('student'), tests.content_fixture_id('video'),
        tests.learning_record_id('session'), 'paused', 1000
    )
    $$,
    '{42501}'
),
-- An update that changes nothing passes the trigger reject_update, so the owner reaches the row.
(
    'learning.progress_events', 'update',
    $$
    update learning.progress_events set position_ms = position_ms
    where tenant_id = tests.fixture_id('tenant_a') and event_id = tests.learning_record_id('event')
    $$,
    '{42501}'
),
(
    'learning.progress_events', 'delete',
    $$
    delete from learning.progress_events
    where tenant_id = tests.fixture_id('tenant_a') and event_id = tests.learning_record_id('event')
    $$,
    '{42501}'
),

(
    'learning.video_progress', 'select',
    $$
    select 1 from learning.video_progress
    where
        tenant_id = tests.fixture_id('tenant_a')
        and user_id = tests.fixture_id('student')
        and video_id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),
(
    'learning.video_progress', 'insert',
    $$
    insert into learning.video_progress (
        tenant_id, user_id, video_id, lesson_id, last_position_ms, last_event_at,
        last_event_id, last_session_id, last_device_id, furthest_position_ms,
        completion_threshold, first_event_at
    )
    values (
        tests.fixture_id('tenant_a'), tests.fixture_id('other_student'),
        tests.content_fixture_id('video'), tests.content_fixture_id('lesson'), 0, now(),
        tests.learning_record_id('probe_event'), tests.learning_record_id('probe_session'),
        'probe-device', 0, 0.9, now()
    )
    $$,
    '{42501}'
),
(
    'learning.video_progress', 'update',
    $$
    update learning.video_progress set last_position_ms = 0
    where
        tenant_id = tests.fixture_id('tenant_a')
        and user_id = tests.fixture_id('student')
        and video_id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),
(
    'learning.video_progress', 'delete',
    $$
    delete from learning.video_progress
    where
        tenant_id = tests.fixture_id('tenant_a')
        and user_id = tests.fixture_id('student')
        and video_id = tests.content_fixture_id('video')
    $$,
    '{42501}'
),

(
    'learning.question_attempts', 'select',
    $$
    select 1 from learning.question_attempts
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.learning_record_id('attempt')
    $$,
    '{42501}'
),
(
    'learning.question_attempts', 'insert',
    $$
    insert into learning.question_attempts (
        tenant_id, id, user_id, question_id, question_version, attempt_number, response,
        status, score, max_score, graded_at
    )
    values (
        tests.fixture_id('tenant_a'), tests.learning_record_id('probe_attempt'),
        tests.fixture_id('student'), tests.content_fixture_id('question'), 1, 2, '{}',
        'graded', 0, 1, now()
    )
    $$,
    '{42501}'
),
(
    'learning.question_attempts', 'update',
    $$
    update learning.question_attempts set score = 0
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.learning_record_id('attempt')
    $$,
    '{42501}'
),
(
    'learning.question_attempts', 'delete',
    $$
    delete from learning.question_attempts
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.learning_record_id('attempt')
    $$,
    '{42501}'
),

(
    'learning.attempt_grades', 'select',
    $$
    select 1 from learning.attempt_grades
    where
        tenant_id = tests.fixture_id('tenant_a')
        and attempt_id = tests.learning_record_id('attempt')
    $$,
    '{42501}'
),
(
    'learning.attempt_grades', 'insert',
    $$
    insert into learning.attempt_grades (tenant_id, attempt_id, score, graded_by)
    values (
        tests.fixture_id('tenant_a'), tests.learning_record_id('attempt'), 1,
        tests.fixture_id('class_teacher')
    )
    $$,
    '{42501}'
),
(
    'learning.attempt_grades', 'update',
    $$
    update learning.attempt_grades set feedback = 'Changed.'
    where
        tenant_id = tests.fixture_id('tenant_a')
        and attempt_id = tests.learning_record_id('attempt')
    $$,
    '{42501}'
),
(
    'learning.attempt_grades', 'delete',
    $$
    delete from learning.attempt_grades
    where
        tenant_id = tests.fixture_id('tenant_a')
        and attempt_id = tests.learning_record_id('attempt')
    $$,
    '{42501}'
),

(
    'learning.question_results', 'select',
    $$
    select 1 from learning.question_results
    where
        tenant_id = tests.fixture_id('tenant_a')
        and user_id = tests.fixture_id('student')
        and question_id = tests.content_fixture_id('question')
    $$,
    '{42501}'
),
(
    'learning.question_results', 'insert',
    $$
    insert into learning.question_results (
        tenant_id, user_id, question_id, question_version, lesson_id, grade_policy, max_score
    )
    values (
        tests.fixture_id('tenant_a'), tests.fixture_id('other_student'),
        tests.content_fixture_id('question'), 1, tests.content_fixture_id('lesson'), 'highest', 1
    )
    $$,
    '{42501}'
),
(
    'learning.question_results', 'update',
    $$
    update learning.question_results set grade_policy = 'latest'
    where
        tenant_id = tests.fixture_id('tenant_a')
        and user_id = tests.fixture_id('student')
        and question_id = tests.content_fixture_id('question')
    $$,
    '{42501}'
),
(
    'learning.question_results', 'delete',
    $$
    delete from learning.question_results
    where
        tenant_id = tests.fixture_id('tenant_a')
        and user_id = tests.fixture_id('student')
        and question_id = tests.content_fixture_id('question')
    $$,
    '{42501}'
);
