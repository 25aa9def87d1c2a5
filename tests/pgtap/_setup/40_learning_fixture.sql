-- Content for the learning tests, on top of tests.create_fixture(): lessons, videos, milestones
-- and approved questions of every type, plus the partitions of learning.progress_events around
-- the current month. The harness loads this file as a superuser after migrating the database.

-- The migration creates the first months of partitions as fixed dates. A test run in a later
-- month needs the current ones, which ops.run_maintenance() creates as `ilp-db maintain` does.
select * from ops.run_maintenance();

-- Usage: select tests.learning_id('video_main') returns the id of a learning fixture object.
create or replace function tests.learning_id(p_name text)
returns uuid
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_name not in (
        'lesson_published', 'lesson_draft', 'lesson_other_class', 'lesson_b',
        'group_published', 'group_draft', 'group_other_class', 'group_b',
        'object_main', 'object_unprocessed', 'object_draft', 'object_other_class', 'object_b',
        'object_short',
        'video_main', 'video_unprocessed', 'video_draft', 'video_other_class', 'video_b',
        'video_short',
        'milestone_start', 'milestone_question', 'milestone_late', 'milestone_checkpoint',
        'milestone_draft', 'milestone_short',
        'question_single_choice', 'question_multiple_choice', 'question_true_false',
        'question_fill_in_blanks', 'question_numeric', 'question_ordering', 'question_matching',
        'question_hotspot', 'question_free_text', 'question_poll', 'question_late',
        'question_start', 'question_unapproved', 'question_draft_lesson', 'question_short'
    ) then
        raise exception 'unknown learning fixture object %', p_name
            using hint = 'Use a name listed in tests.learning_id().';
    end if;

    return md5('ilp-test-learning/' || p_name)::uuid;
end
$$;

comment on function tests.learning_id(text) is
'Returns the fixed uuid of a learning fixture object by name (video_main, question_numeric, '
'...); raises on an unknown name.';

-- Usage: select tests.create_learning_fixture(); as a superuser, after tests.create_fixture().
-- Tenant A: lesson_published (published, assigned to class_1, written by class_teacher) has
-- video_main (600,000 ms, milestones at 500 ms, 30,000 ms, 120,000 ms and 300,000 ms),
-- video_unprocessed (no duration yet) and video_short (10,000 ms); lesson_draft (a draft
-- assigned to class_1) holds video_draft; lesson_other_class (published, assigned to class_2)
-- holds video_other_class. Tenant B: lesson_b holds video_b. Every question of video_main is
-- approved except question_unapproved, a draft. question_single_choice allows 3 attempts and
-- deducts 0.5 of its 2 points per retry.
create or replace function tests.create_learning_fixture()
returns void
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_a uuid := tests.fixture_id('tenant_a');
    v_teacher uuid := tests.fixture_id('class_teacher');
    v_question record;
begin
    insert into content.lessons (tenant_id, id, author_id, title, status, published_at)
    values
    (
        v_tenant_a, tests.learning_id('lesson_published'), v_teacher, 'Published lesson',
        'published', now()
    ),
    (v_tenant_a, tests.learning_id('lesson_draft'), v_teacher, 'Draft lesson', 'draft', null),
    (
        v_tenant_a, tests.learning_id('lesson_other_class'), tests.fixture_id('other_teacher'),
        'Lesson of class 2', 'published', now()
    ),
    (
        tests.fixture_id('tenant_b'), tests.learning_id('lesson_b'),
        tests.fixture_id('other_tenant_admin'), 'Lesson of tenant B', 'published', now()
    );

    insert into content.lesson_assignments (tenant_id, lesson_id, class_id, assigned_by)
    values
    (v_tenant_a, tests.learning_id('lesson_published'), tests.fixture_id('class_1'), v_teacher),
    (v_tenant_a, tests.learning_id('lesson_draft'), tests.fixture_id('class_1'), v_teacher),
    (
        v_tenant_a, tests.learning_id('lesson_other_class'), tests.fixture_id('class_2'),
        tests.fixture_id('other_teacher')
    ),
    (
        tests.fixture_id('tenant_b'), tests.learning_id('lesson_b'), tests.fixture_id('class_b'),
        tests.fixture_id('other_tenant_admin')
    );

    insert into content.video_groups (tenant_id, id, lesson_id, position)
    values
    (v_tenant_a, tests.learning_id('group_published'), tests.learning_id('lesson_published'), 0),
    (v_tenant_a, tests.learning_id('group_draft'), tests.learning_id('lesson_draft'), 0),
    (
        v_tenant_a, tests.learning_id('group_other_class'),
        tests.learning_id('lesson_other_class'), 0
    ),
    (tests.fixture_id('tenant_b'), tests.learning_id('group_b'), tests.learning_id('lesson_b'), 0);

    insert into content.storage_objects (
        tenant_id, id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c
    )
    select
        o.tenant_id,
        tests.learning_id(o.name),
        'video_source',
        'ilp-test-videos',
        o.name || '.mp4',
        1,
        'video/mp4',
        1000000,
        'AAAAAA=='
    from (
        values
        (v_tenant_a, 'object_main'),
        (v_tenant_a, 'object_unprocessed'),
        (v_tenant_a, 'object_draft'),
        (v_tenant_a, 'object_other_class'),
        (v_tenant_a, 'object_short'),
        (tests.fixture_id('tenant_b'), 'object_b')
    ) as o (tenant_id, name);

    insert into content.videos (
        tenant_id, id, lesson_id, video_group_id, position, title, storage_object_id,
        duration_ms, width, height, processing_status, ready_at
    )
    select
        v.tenant_id,
        tests.learning_id(v.name),
        tests.learning_id(v.lesson),
        tests.learning_id(v.video_group),
        v.position,
        initcap(replace(v.name, '_', ' ')),
        tests.learning_id(v.storage_object),
        v.duration_ms,
        case when v.duration_ms is not null then 1280 end,
        case when v.duration_ms is not null then 720 end,
        (
            case when v.duration_ms is not null then 'ready' else 'uploaded' end
        )::content.video_processing_status,
        case when v.duration_ms is not null then now() end
    from (
        values
        (v_tenant_a, 'video_main', 'lesson_published', 'group_published', 0, 'object_main', 600000),
        (
            v_tenant_a, 'video_unprocessed', 'lesson_published', 'group_published', 1,
            'object_unprocessed', null
        ),
        (
            v_tenant_a, 'video_short', 'lesson_published', 'group_published', 2, 'object_short',
            10000
        ),
        (v_tenant_a, 'video_draft', 'lesson_draft', 'group_draft', 0, 'object_draft', 600000),
        (
            v_tenant_a, 'video_other_class', 'lesson_other_class', 'group_other_class', 0,
            'object_other_class', 600000
        ),
        (tests.fixture_id('tenant_b'), 'video_b', 'lesson_b', 'group_b', 0, 'object_b', 600000)
    ) as v (tenant_id, name, lesson, video_group, position, storage_object, duration_ms);

    insert into content.milestones (tenant_id, id, lesson_id, video_id, position_ms, kind, title)
    values
    (
        v_tenant_a, tests.learning_id('milestone_start'), tests.learning_id('lesson_published'),
        tests.learning_id('video_main'), 500, 'question', null
    ),
    (
        v_tenant_a, tests.learning_id('milestone_question'),
        tests.learning_id('lesson_published'), tests.learning_id('video_main'), 30000,
        'question', null
    ),
    (
        v_tenant_a, tests.learning_id('milestone_late'), tests.learning_id('lesson_published'),
        tests.learning_id('video_main'), 120000, 'question', null
    ),
    (
        v_tenant_a, tests.learning_id('milestone_checkpoint'),
        tests.learning_id('lesson_published'), tests.learning_id('video_main'), 300000,
        'checkpoint', null
    ),
    (
        v_tenant_a, tests.learning_id('milestone_short'), tests.learning_id('lesson_published'),
        tests.learning_id('video_short'), 5000, 'question', null
    ),
    (
        v_tenant_a, tests.learning_id('milestone_draft'), tests.learning_id('lesson_draft'),
        tests.learning_id('video_draft'), 500, 'question', null
    );

    -- The question triggers read the request context: the class teacher writes and approves.
    perform set_config('ilp.tenant_id', v_tenant_a::text, true);
    perform set_config('ilp.user_id', v_teacher::text, true);

    for v_question in
        select
            q.name,
            q.milestone,
            q.lesson,
            q.position,
            q.question_type::content.question_type as question_type,
            q.prompt::jsonb as prompt,
            q.answer_key::jsonb as answer_key,
            q.points::numeric as points,
            q.retry_penalty_points::numeric as retry_penalty_points,
            q.max_attempts::smallint as max_attempts,
            q.approve
        from (
            values
            (
                'question_single_choice', 'milestone_question', 'lesson_published', 0,
                'single_choice',
                '{"text": "Pick b", "options": [{"id": "a", "text": "A"}, '
                '{"id": "b", "text": "B"}]}',
                '{"correct_option_id": "b"}', 2, 0.5, 3, true
            ),
            (
                'question_multiple_choice', 'milestone_question', 'lesson_published', 1,
                'multiple_choice',
                '{"text": "Pick a and c", "options": [{"id": "a", "text": "A"}, '
                '{"id": "b", "text": "B"}, {"id": "c", "text": "C"}, {"id": "d", "text": "D"}]}',
                '{"correct_option_ids": ["a", "c"], "partial_credit": true}', 4, 0, null, true
            ),
            (
                'question_true_false', 'milestone_question', 'lesson_published', 2, 'true_false',
                '{"text": "The sky is blue"}', '{"correct": true}', 1, 0, null, true
            ),
            (
                'question_fill_in_blanks', 'milestone_question', 'lesson_published', 3,
                'fill_in_blanks',
                '{"text": "{{capital}} is the capital of {{country}}", "blanks": '
                '[{"id": "capital"}, {"id": "country"}]}',
                '{"blanks": [{"id": "capital", "accepted": ["Paris"]}, {"id": "country", '
                '"accepted": ["France", "FR"], "case_sensitive": true}]}',
                2, 0, null, true
            ),
            (
                'question_numeric', 'milestone_question', 'lesson_published', 4, 'numeric',
                '{"text": "Value of pi", "unit": "rad"}', '{"value": 3.14159, "tolerance": 0.01}',
                1, 0, null, true
            ),
            (
                'question_ordering', 'milestone_question', 'lesson_published', 5, 'ordering',
                '{"text": "Order", "items": [{"id": "w", "text": "W"}, {"id": "x", "text": "X"}, '
                '{"id": "y", "text": "Y"}, {"id": "z", "text": "Z"}]}',
                '{"order": ["w", "x", "y", "z"]}', 6, 0, null, true
            ),
            (
                'question_matching', 'milestone_question', 'lesson_published', 6, 'matching',
                '{"text": "Match", "left": [{"id": "l1", "text": "1"}, {"id": "l2", "text": "2"}],'
                ' "right": [{"id": "r1", "text": "one"}, {"id": "r2", "text": "two"}, '
                '{"id": "r3", "text": "three"}]}',
                '{"pairs": [{"left": "l1", "right": "r1"}, {"left": "l2", "right": "r2"}]}',
                2, 0, null, true
            ),
            (
                'question_hotspot', 'milestone_question', 'lesson_published', 7, 'hotspot',
                '{"text": "Click the dot", "frame_ms": 29000}',
                '{"areas": [{"shape": "circle", "x": 0.5, "y": 0.5, "radius": 0.1}, '
                '{"shape": "rectangle", "x": 0, "y": 0, "width": 0.1, "height": 0.1}]}',
                1, 0, null, true
            ),
            (
                'question_free_text', 'milestone_question', 'lesson_published', 8, 'free_text',
                '{"text": "Explain", "max_length": 200}',
                '{"rubric": [{"criterion": "Mentions gravity", "points": 5}]}', 5, 0, null, true
            ),
            (
                'question_poll', 'milestone_question', 'lesson_published', 9, 'poll',
                '{"text": "Did you like it?", "options": [{"id": "yes", "text": "Yes"}, '
                '{"id": "no", "text": "No"}]}',
                null, 0, 0, null, true
            ),
            (
                'question_unapproved', 'milestone_question', 'lesson_published', 10,
                'true_false', '{"text": "Not reviewed yet"}', '{"correct": false}', 1, 0, null,
                false
            ),
            (
                'question_late', 'milestone_late', 'lesson_published', 0, 'true_false',
                '{"text": "Late question"}', '{"correct": true}', 1, 0, null, true
            ),
            (
                'question_start', 'milestone_start', 'lesson_published', 0, 'true_false',
                '{"text": "Ready?"}', '{"correct": true}', 1, 0, null, true
            ),
            (
                'question_short', 'milestone_short', 'lesson_published', 0, 'true_false',
                '{"text": "Short video question"}', '{"correct": true}', 1, 0, null, true
            ),
            (
                'question_draft_lesson', 'milestone_draft', 'lesson_draft', 0, 'true_false',
                '{"text": "In a draft lesson"}', '{"correct": true}', 1, 0, null, true
            )
        ) as q (
            name, milestone, lesson, position, question_type, prompt, answer_key, points,
            retry_penalty_points, max_attempts, approve
        )
    loop
        insert into content.questions (tenant_id, id, lesson_id, milestone_id, position, created_by)
        values (
            v_tenant_a,
            tests.learning_id(v_question.name),
            tests.learning_id(v_question.lesson),
            tests.learning_id(v_question.milestone),
            v_question.position,
            v_teacher
        );

        insert into content.question_versions (
            tenant_id, question_id, question_type, prompt, points, retry_penalty_points,
            max_attempts, feedback, created_by
        )
        values (
            v_tenant_a,
            tests.learning_id(v_question.name),
            v_question.question_type,
            v_question.prompt,
            v_question.points,
            v_question.retry_penalty_points,
            v_question.max_attempts,
            '{"correct": "Well done.", "partially_correct": "Almost.", "incorrect": "Not quite."}',
            v_teacher
        );

        if v_question.answer_key is not null then
            insert into content.question_answer_keys (tenant_id, question_id, version, answer_key)
            values (v_tenant_a, tests.learning_id(v_question.name), 1, v_question.answer_key);
        end if;

        if v_question.approve then
            perform content.transition_question_version(
                tests.learning_id(v_question.name), 1, 'in_review'
            );
            perform content.transition_question_version(
                tests.learning_id(v_question.name), 1, 'approved'
            );
        end if;
    end loop;

    perform set_config('ilp.tenant_id', '', true);
    perform set_config('ilp.user_id', '', true);
end
$$;

comment on function tests.create_learning_fixture() is
'Inserts the lessons, videos, milestones and questions of the learning tests (see the comment '
'above the function in the setup file). Run it as a superuser after tests.create_fixture(), '
'inside the test transaction, which rolls it back.';

-- Usage: select tests.start_session('student', 'video_main') returns the id of a new playback
-- session of that actor, who stays the current actor afterwards.
create or replace function tests.start_session(p_actor text, p_video text)
returns uuid
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
begin
    perform tests.act_as(p_actor);

    return learning.start_playback_session(
        tests.learning_id(p_video), 'test-device-' || p_actor, 'web'
    );
end
$$;

comment on function tests.start_session(text, text) is
'Switches to a fixture actor and starts a playback session of a fixture video on the device '
'test-device-<actor>; returns the session id.';

-- Usage: select tests.watch('student', 'video_main', 0, 31000) records that the actor watched
-- [from, to) in one heartbeat of a new session, and returns that session's id.
create or replace function tests.watch(
    p_actor text,
    p_video text,
    p_from_ms integer,
    p_to_ms integer
)
returns uuid
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_session_id uuid := tests.start_session(p_actor, p_video);
begin
    perform learning.record_progress_event(
        v_session_id, gen_random_uuid(), 'heartbeat', now(), p_to_ms, null, p_from_ms
    );

    return v_session_id;
end
$$;

comment on function tests.watch(text, text, integer, integer) is
'Switches to a fixture actor, starts a session of a fixture video and records one heartbeat '
'event that watched [p_from_ms, p_to_ms) now; returns the session id.';
