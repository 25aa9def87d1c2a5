-- Demo rows of the content model, loaded by tests/test_upgrade.py right after
-- 0025_content_questions. One school of its own has a draft lesson and a published one. The
-- published lesson has a video with a rendition, captions, two milestones and questions in
-- several review states, one of them generated.
-- The trigger functions of sql/functions are not installed at this stage, so the rows carry
-- the values those triggers would set (version, status times, transitions).

insert into tenancy.tenants (id, slug, name) values
('00000000-0000-7000-8000-00000000c001', 'upgrade-content-school', 'Upgrade Content School');

insert into tenancy.users (id) values
('00000000-0000-7000-8000-000000000c11'),
('00000000-0000-7000-8000-000000000c12'),
('00000000-0000-7000-8000-000000000c13');

insert into tenancy.user_profiles (user_id, full_name, email) values
('00000000-0000-7000-8000-000000000c11', 'Amara Okafor', 'amara.okafor@example.org'),
('00000000-0000-7000-8000-000000000c12', 'Jonas Berg', 'jonas.berg@example.org'),
('00000000-0000-7000-8000-000000000c13', 'Lina Haddad', 'lina.haddad@example.org');

insert into tenancy.memberships (tenant_id, user_id, role) values
('00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-000000000c11', 'teacher'),
('00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-000000000c12', 'admin'),
('00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-000000000c13', 'student');

insert into tenancy.classes (tenant_id, id, name, code) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000cc001',
    'Biology 10B', 'BIO-10B'
);

insert into tenancy.class_teachers (tenant_id, class_id, user_id) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000cc001',
    '00000000-0000-7000-8000-000000000c11'
);

insert into tenancy.enrollments (tenant_id, class_id, user_id) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000cc001',
    '00000000-0000-7000-8000-000000000c13'
);

insert into content.lessons (
    tenant_id, id, author_id, title, description, language, status, version, published_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c1001',
    '00000000-0000-7000-8000-000000000c11', 'Photosynthesis',
    'How plants turn light, water and carbon dioxide into sugar and oxygen.', 'en', 'published',
    3, '2026-03-02 08:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c1002',
    '00000000-0000-7000-8000-000000000c11', 'La respiration cellulaire',
    'Du glucose à l''ATP.', 'fr-FR', 'draft', 1, null
);

insert into content.lesson_assignments (
    tenant_id, lesson_id, class_id, assigned_by, assigned_at, due_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c1001',
    '00000000-0000-7000-8000-0000000cc001', '00000000-0000-7000-8000-000000000c11',
    '2026-03-02 08:05:00+00', '2026-03-09 18:00:00+00'
);

insert into content.video_groups (tenant_id, id, lesson_id, position, title) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c2001',
    '00000000-0000-7000-8000-0000000c1001', 0, 'Light and leaves'
);

insert into content.storage_objects (
    tenant_id, id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c,
    md5_hash
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c3001',
    'video_source', 'ilp-media-eu', 'upgrade-content-school/photosynthesis/source.mp4',
    1709366400000001, 'video/mp4', 184549376, 'rBLb1w==', 'XUFAKrxLKna5cZ2REBfFkg=='
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c3002',
    'video_rendition', 'ilp-media-eu', 'upgrade-content-school/photosynthesis/720p-h264.mp4',
    1709366500000002, 'video/mp4', 52428800, 'yZRlqg==', null
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c3003',
    'video_text_track', 'ilp-media-eu', 'upgrade-content-school/photosynthesis/captions.en.vtt',
    1709366600000003, 'text/vtt', 18432, 'AAAAAA==', '1B2M2Y8AsgTpgAmY7PhCfg=='
);

insert into content.videos (
    tenant_id, id, lesson_id, video_group_id, position, title, storage_object_id, duration_ms,
    width, height, processing_status, uploaded_at, transcoding_started_at, ready_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c4001',
    '00000000-0000-7000-8000-0000000c1001', '00000000-0000-7000-8000-0000000c2001', 0,
    'Inside a leaf', '00000000-0000-7000-8000-0000000c3001', 312000, 1920, 1080, 'ready',
    '2026-03-01 10:00:00+00', '2026-03-01 10:01:00+00', '2026-03-01 10:09:00+00'
);

insert into content.video_renditions (
    tenant_id, id, video_id, profile, storage_object_id, width, height, bitrate_bps
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c5001',
    '00000000-0000-7000-8000-0000000c4001', '720p-h264', '00000000-0000-7000-8000-0000000c3002',
    1280, 720, 2500000
);

insert into content.video_text_tracks (
    tenant_id, id, video_id, kind, language, label, storage_object_id
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c6001',
    '00000000-0000-7000-8000-0000000c4001', 'captions', 'en', 'English',
    '00000000-0000-7000-8000-0000000c3003'
);

insert into content.milestones (
    tenant_id, id, lesson_id, video_id, position_ms, sort_order, kind, title, pause_playback,
    require_correct_answer, seek_back_to_ms
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c7001',
    '00000000-0000-7000-8000-0000000c1001', '00000000-0000-7000-8000-0000000c4001', 0, 0,
    'chapter', 'Introduction', false, false, null
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c7002',
    '00000000-0000-7000-8000-0000000c1001', '00000000-0000-7000-8000-0000000c4001', 95000, 0,
    'question', 'Check your understanding', true, true, 60000
);

insert into content.generation_jobs (
    tenant_id, id, video_id, requested_by, model, prompt_template, prompt_template_version,
    status, input_tokens, output_tokens, cost_usd, created_at, started_at, finished_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c8001',
    '00000000-0000-7000-8000-0000000c4001', '00000000-0000-7000-8000-000000000c11',
    'gemini-1.5-pro-002', 'milestone-questions', '3', 'succeeded', 4210, 655, 0.012480,
    '2026-03-01 11:00:00+00', '2026-03-01 11:00:02+00', '2026-03-01 11:00:19+00'
);

insert into content.questions (
    tenant_id, id, lesson_id, milestone_id, position, created_by
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9001',
    '00000000-0000-7000-8000-0000000c1001', '00000000-0000-7000-8000-0000000c7002', 0,
    '00000000-0000-7000-8000-000000000c11'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9002',
    '00000000-0000-7000-8000-0000000c1001', '00000000-0000-7000-8000-0000000c7002', 1,
    '00000000-0000-7000-8000-000000000c11'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9003',
    '00000000-0000-7000-8000-0000000c1001', '00000000-0000-7000-8000-0000000c7002', 2,
    '00000000-0000-7000-8000-000000000c11'
);

insert into content.question_versions (
    tenant_id, question_id, version, question_type, prompt, points, retry_penalty_points,
    max_attempts, hints, feedback, status, status_changed_at, created_by, generation_job_id,
    prompt_sha256, transcript_range_ms, created_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9001', 1,
    'single_choice',
    '{"text": "Which gas do leaves take in?", "options": [{"id": "o2", "text": "Oxygen"},
    {"id": "co2", "text": "Carbon dioxide"}, {"id": "n2", "text": "Nitrogen"}]}',
    1, 0.25, 3, '["Think of what we breathe out."]',
    '{"correct": "Right.", "incorrect": "Watch the part about stomata again."}',
    'retired', '2026-03-05 09:00:00+00', '00000000-0000-7000-8000-000000000c11', null, null,
    null, '2026-03-01 12:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9001', 2,
    'single_choice',
    '{"text": "Which gas do leaves absorb from the air?", "options": [{"id": "o2", "text":
    "Oxygen"}, {"id": "co2", "text": "Carbon dioxide"}, {"id": "n2", "text": "Nitrogen"}]}',
    1, 0.25, 3, '["Think of what we breathe out."]', '{}', 'approved',
    '2026-03-05 09:00:00+00', '00000000-0000-7000-8000-000000000c11', null, null, null,
    '2026-03-04 16:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9002', 1,
    'multiple_choice',
    '{"text": "What does photosynthesis produce?", "options": [{"id": "a", "text": "Glucose"},
    {"id": "b", "text": "Oxygen"}, {"id": "c", "text": "Carbon dioxide"}]}',
    2, 0, null, '[]', '{}', 'in_review', '2026-03-01 11:05:00+00',
    '00000000-0000-7000-8000-000000000c11', '00000000-0000-7000-8000-0000000c8001',
    'c4f3a1e9d2b87a6e5f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a', '[60000,95000)',
    '2026-03-01 11:00:19+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9003', 1,
    'poll',
    '{"text": "How clear was this video?", "options": [{"id": "clear", "text": "Clear"},
    {"id": "unclear", "text": "Unclear"}]}',
    0, 0, 1, '[]', '{}', 'approved', '2026-03-02 07:55:00+00',
    '00000000-0000-7000-8000-000000000c11', null, null, null, '2026-03-01 12:30:00+00'
);

insert into content.question_answer_keys (tenant_id, question_id, version, answer_key) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9001', 1,
    '{"correct_option_id": "co2"}'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9001', 2,
    '{"correct_option_id": "co2"}'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000c9002', 1,
    '{"correct_option_ids": ["a", "b"], "partial_credit": true}'
);

insert into content.question_transitions (
    tenant_id, id, question_id, version, from_status, to_status, actor_id, reason, created_at
) values
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca001',
    '00000000-0000-7000-8000-0000000c9001', 1, 'draft', 'in_review',
    '00000000-0000-7000-8000-000000000c11', null, '2026-03-01 12:10:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca002',
    '00000000-0000-7000-8000-0000000c9001', 1, 'in_review', 'approved',
    '00000000-0000-7000-8000-000000000c12', null, '2026-03-01 15:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca003',
    '00000000-0000-7000-8000-0000000c9001', 2, 'draft', 'in_review',
    '00000000-0000-7000-8000-000000000c11', null, '2026-03-04 16:30:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca004',
    '00000000-0000-7000-8000-0000000c9001', 1, 'approved', 'retired',
    '00000000-0000-7000-8000-000000000c12', 'replaced by version 2', '2026-03-05 09:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca005',
    '00000000-0000-7000-8000-0000000c9001', 2, 'in_review', 'approved',
    '00000000-0000-7000-8000-000000000c12', null, '2026-03-05 09:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca006',
    '00000000-0000-7000-8000-0000000c9002', 1, 'draft', 'in_review',
    '00000000-0000-7000-8000-000000000c11', null, '2026-03-01 11:05:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca007',
    '00000000-0000-7000-8000-0000000c9003', 1, 'draft', 'in_review',
    '00000000-0000-7000-8000-000000000c11', null, '2026-03-01 12:40:00+00'
),
(
    '00000000-0000-7000-8000-00000000c001', '00000000-0000-7000-8000-0000000ca008',
    '00000000-0000-7000-8000-0000000c9003', 1, 'in_review', 'approved',
    '00000000-0000-7000-8000-000000000c12', null, '2026-03-02 07:55:00+00'
);
