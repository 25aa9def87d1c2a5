-- Demo rows of the learning records, loaded by tests/test_upgrade.py right after
-- 0042_learning_attempts, on top of the school of 0025_content_questions.sql. Its student watched
-- the published lesson's video on two devices, answered the approved question twice (the teacher
-- regraded the first attempt) and voted in the poll.
-- The trigger functions of sql/functions are not installed at this stage, and the ingest
-- functions do not exist yet, so the rows carry the values those functions would compute.

insert into learning.lesson_settings (
    tenant_id, lesson_id, completion_threshold, grade_policy, ordering_strategy,
    matching_strategy
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c1001', 0.850,
    'average', 'position', 'exact'
);

insert into learning.video_settings (tenant_id, video_id, lesson_id, completion_threshold) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c4001',
    '00000000-0000-7000-8000-0000000c1001', 0.800
);

insert into learning.playback_sessions (
    tenant_id, id, user_id, video_id, lesson_id, device_id, platform, user_agent,
    playback_speed, captions_language, quality, volume, full_screen, started_at, last_seen_at,
    ended_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000d0001',
    '00000000-0000-7000-8000-000000000c13', '00000000-0000-7000-8000-0000000c4001',
    '00000000-0000-7000-8000-0000000c1001', 'laptop-7f3a', 'web',
    'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 1.25, 'en',
    '720p-h264', 0.80, false, '2026-11-25 17:00:00+00', '2026-11-25 17:02:10+00',
    '2026-11-25 17:02:15+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000d0002',
    '00000000-0000-7000-8000-000000000c13', '00000000-0000-7000-8000-0000000c4001',
    '00000000-0000-7000-8000-0000000c1001', 'phone-91bc', 'ios', null, 1, null, null, 1, true,
    '2026-11-26 07:30:00+00', '2026-11-26 07:31:40+00', null
);

insert into learning.progress_events (
    tenant_id, occurred_at, event_id, user_id, video_id, session_id, verb, position_ms,
    seek_from_ms, watched_from_ms, received_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '2026-11-25 17:00:01+00',
    '00000000-0000-7000-8000-0000000e0001', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-0000000d0001', 'played', 0,
    null, null, '2026-11-25 17:00:01.210+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '2026-11-25 17:01:01+00',
    '00000000-0000-7000-8000-0000000e0002', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-0000000d0001', 'heartbeat',
    75000, null, 0, '2026-11-25 17:01:01.180+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '2026-11-25 17:02:10+00',
    '00000000-0000-7000-8000-0000000e0003', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-0000000d0001', 'paused',
    95000, null, 75000, '2026-11-25 17:02:10.350+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '2026-11-26 07:30:05+00',
    '00000000-0000-7000-8000-0000000e0004', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-0000000d0002', 'seeked',
    200000, 95000, null, '2026-11-26 07:30:05.400+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '2026-11-26 07:31:40+00',
    '00000000-0000-7000-8000-0000000e0005', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-0000000d0002', 'paused',
    260000, null, 200000, '2026-11-26 07:31:40.090+00'
);

-- Watched [0, 95 s) and [200 s, 260 s) of 312 s: 155,000 ms, below the video's threshold 0.8.
insert into learning.video_progress (
    tenant_id, user_id, video_id, lesson_id, last_position_ms, last_event_at, last_event_id,
    last_session_id, last_device_id, furthest_position_ms, watched_segments, watched_ms,
    watched_fraction, completion_threshold, completed_at, first_event_at, created_at, updated_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-0000000c1001', 260000,
    '2026-11-26 07:31:40+00', '00000000-0000-7000-8000-0000000e0005',
    '00000000-0000-7000-8000-0000000d0002', 'phone-91bc', 260000,
    '{[0,95000),[200000,260000)}', 155000, 0.4968, 0.800, null, '2026-11-25 17:00:01+00',
    '2026-11-25 17:00:01.210+00', '2026-11-26 07:31:40.090+00'
);

insert into learning.question_attempts (
    tenant_id, id, user_id, question_id, question_version, attempt_number, response, status,
    outcome, auto_score, penalty_points, score, max_score, feedback, graded_by, graded_at,
    submitted_at, created_at, updated_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000f0001',
    '00000000-0000-7000-8000-000000000c13', '00000000-0000-7000-8000-0000000c9001', 2, 1,
    '{"option_id": "o2"}', 'graded', 'incorrect', 0.00, 0.00, 0.50, 1.00,
    'Half a point for the reasoning you wrote in class.', '00000000-0000-7000-8000-000000000c11',
    '2026-11-27 09:00:00+00', '2026-11-25 17:01:40+00', '2026-11-25 17:01:40+00',
    '2026-11-27 09:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000f0002',
    '00000000-0000-7000-8000-000000000c13', '00000000-0000-7000-8000-0000000c9001', 2, 2,
    '{"option_id": "co2"}', 'graded', 'correct', 0.75, 0.25, 0.75, 1.00, null, null,
    '2026-11-25 17:01:55+00', '2026-11-25 17:01:55+00', '2026-11-25 17:01:55+00',
    '2026-11-25 17:01:55+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000f0003',
    '00000000-0000-7000-8000-000000000c13', '00000000-0000-7000-8000-0000000c9003', 1, 1,
    '{"option_ids": ["clear"]}', 'graded', null, 0.00, 0.00, 0.00, 0.00, null, null,
    '2026-11-25 17:02:00+00', '2026-11-25 17:02:00+00', '2026-11-25 17:02:00+00',
    '2026-11-25 17:02:00+00'
);

insert into learning.attempt_grades (
    tenant_id, id, attempt_id, score, previous_score, feedback, graded_by, graded_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000f1001',
    '00000000-0000-7000-8000-0000000f0001', 0.50, 0.00,
    'Half a point for the reasoning you wrote in class.', '00000000-0000-7000-8000-000000000c11',
    '2026-11-27 09:00:00+00'
);

-- Under the lesson's policy average: (0.50 + 0.75) / 2 = 0.625, rounded to 0.63.
insert into learning.question_results (
    tenant_id, user_id, question_id, question_version, lesson_id, attempt_count, graded_count,
    pending_count, grade_policy, current_score, max_score, last_submitted_at, created_at,
    updated_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c9001', 2, '00000000-0000-7000-8000-0000000c1001', 2, 2, 0,
    'average', 0.63, 1.00, '2026-11-25 17:01:55+00', '2026-11-25 17:01:40+00',
    '2026-11-27 09:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-000000000c13',
    '00000000-0000-7000-8000-0000000c9003', 1, '00000000-0000-7000-8000-0000000c1001', 1, 1, 0,
    'average', 0.00, 0.00, '2026-11-25 17:02:00+00', '2026-11-25 17:02:00+00',
    '2026-11-25 17:02:00+00'
);
