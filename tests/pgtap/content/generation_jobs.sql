-- Generation jobs and the provenance of generated question versions: legal status changes of a
-- job, its accounting checks, and that a generated version points inside the video the job read.
begin;
select plan(20);

select tests.create_fixture();

insert into content.generation_jobs (
    tenant_id, id, video_id, requested_by, model, prompt_template, prompt_template_version
)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000c1',
    tests.content_fixture_id('video'), tests.fixture_id('class_teacher'), 'gemini-1.5-flash-002',
    'milestone-questions', '3.1.0'
);

prepare set_job_status (content.generation_job_status, text) as
update content.generation_jobs set status = $1, error = $2
where id = '00000000-0000-4000-8000-0000000000c1';

select throws_ok(
    $$execute set_job_status('succeeded', null)$$,
    'IL203', null,
    'queued to succeeded is rejected'
);
select lives_ok($$execute set_job_status('running', null)$$, 'queued to running is accepted');
select isnt(
    (
        select started_at from content.generation_jobs
        where id = '00000000-0000-4000-8000-0000000000c1'
    ),
    null,
    'starting the job sets started_at'
);
select throws_ok(
    $$execute set_job_status('queued', null)$$,
    'IL203', null,
    'running back to queued is rejected'
);
select throws_ok(
    $$execute set_job_status('failed', null)$$,
    '23514', null,
    'a failed job without an error is rejected'
);
select lives_ok(
    $$
    update content.generation_jobs
    set status = 'succeeded', input_tokens = 2400, output_tokens = 510, cost_usd = 0.0031
    where id = '00000000-0000-4000-8000-0000000000c1'
    $$,
    'running to succeeded with token counts and cost is accepted'
);
select isnt(
    (
        select finished_at from content.generation_jobs
        where id = '00000000-0000-4000-8000-0000000000c1'
    ),
    null,
    'finishing the job sets finished_at'
);
select throws_ok(
    $$execute set_job_status('running', null)$$,
    'IL203', null,
    'succeeded to running is rejected'
);
select throws_ok(
    $$execute set_job_status('cancelled', null)$$,
    'IL203', null,
    'succeeded to cancelled is rejected'
);
select throws_ok(
    $$
    update content.generation_jobs set output_tokens = -1
    where id = '00000000-0000-4000-8000-0000000000c1'
    $$,
    '23514', null,
    'a negative token count is rejected'
);
select throws_ok(
    $$
    update content.generation_jobs set cost_usd = -0.01
    where id = '00000000-0000-4000-8000-0000000000c1'
    $$,
    '23514', null,
    'a negative cost is rejected'
);
select throws_ok(
    $$
    insert into content.generation_jobs (
        tenant_id, video_id, requested_by, model, prompt_template, prompt_template_version
    )
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.fixture_id('class_teacher'), 'gemini', 'Milestone Questions', '3'
    )
    $$,
    '23514', null,
    'a prompt template name with capitals and spaces is rejected'
);

-- Provenance of generated versions

prepare insert_generated (uuid, text, int4range) as
insert into content.question_versions (
    tenant_id, question_id, question_type, prompt, created_by, generation_job_id, prompt_sha256,
    transcript_range_ms
)
values (
    tests.fixture_id('tenant_a'), tests.content_fixture_id('keyless_question'), 'true_false',
    '{"text": "Chlorophyll absorbs green light."}', tests.fixture_id('class_teacher'), $1, $2,
    $3
);

delete from content.question_versions
where question_id = tests.content_fixture_id('keyless_question');

select lives_ok(
    $$
    execute insert_generated(
        '00000000-0000-4000-8000-0000000000c1', encode(sha256('prompt'::bytea), 'hex'),
        '[0,60000)'
    )
    $$,
    'a generated version reading the whole transcript of its video is accepted'
);

delete from content.question_versions
where question_id = tests.content_fixture_id('keyless_question');

select throws_ok(
    $$
    execute insert_generated(
        '00000000-0000-4000-8000-0000000000c1', encode(sha256('prompt'::bytea), 'hex'),
        '[50000,60001)'
    )
    $$,
    'IL204', null,
    'a transcript range ending after the video is rejected'
);
select throws_ok(
    $$
    execute insert_generated(
        '00000000-0000-4000-8000-0000000000c1', encode(sha256('prompt'::bytea), 'hex'),
        '[-100,100)'
    )
    $$,
    '23514', null,
    'a transcript range starting before the video is rejected'
);
select throws_ok(
    $$
    execute insert_generated(
        '00000000-0000-4000-8000-0000000000c1', encode(sha256('prompt'::bytea), 'hex'),
        '[100,100)'
    )
    $$,
    '23514', null,
    'an empty transcript range is rejected'
);
select throws_ok(
    $$
    execute insert_generated(
        '00000000-0000-4000-8000-0000000000c1', upper(encode(sha256('prompt'::bytea), 'hex')),
        '[0,1000)'
    )
    $$,
    '23514', null,
    'a prompt hash in upper-case hex is rejected'
);
select throws_ok(
    $$execute insert_generated('00000000-0000-4000-8000-0000000000c1', null, '[0,1000)')$$,
    '23514', null,
    'a generated version without its prompt hash is rejected'
);

insert into content.generation_jobs (
    tenant_id, id, video_id, requested_by, model, prompt_template, prompt_template_version
)
values (
    tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000c2',
    tests.content_fixture_id('spare_video'), tests.fixture_id('class_teacher'), 'gemini',
    'milestone-questions', '3'
);

select throws_ok(
    $$
    execute insert_generated(
        '00000000-0000-4000-8000-0000000000c2', encode(sha256('prompt'::bytea), 'hex'),
        '[0,1000)'
    )
    $$,
    'IL205', null,
    'a version generated from another video than its question''s is rejected'
);
select throws_ok(
    $$
    execute insert_generated(
        tests.content_fixture_id('b_job'), encode(sha256('prompt'::bytea), 'hex'), '[0,1000)'
    )
    $$,
    '23503', null,
    'a version pointing to a job of another tenant is rejected'
);

select * from finish();
rollback;
