-- Tables of the benchmark database only: the raw baselines and the actors the scripts draw from.
-- Runs as the superuser after the demo data is loaded; ilp_app reads them through the grants.
create schema bench;

-- Baseline for inserts: a plain table with an identity key and no other index, trigger or policy.
create table bench.raw_events (
    id bigint generated always as identity primary key,
    tenant_id uuid not null,
    user_id uuid not null,
    video_id uuid not null,
    position_ms integer not null,
    occurred_at timestamptz not null default now()
);

-- Baseline for lookups: 100,000 rows read by primary key.
create table bench.raw_rows (
    id integer primary key,
    payload text not null
);

insert into bench.raw_rows (id, payload)
select n, md5(n::text)
from generate_series(1, 100000) as n;

-- One row per (student, video) the student may watch, with a playback session started for it
-- by the benchmark before pgbench runs; n numbers the rows from 1 for random picks.
create table bench.actors (
    n integer primary key,
    tenant_id uuid not null,
    user_id uuid not null,
    video_id uuid not null,
    duration_ms integer not null,
    session_id uuid
);

insert into bench.actors (n, tenant_id, user_id, video_id, duration_ms)
select
    row_number() over (order by e.tenant_id, e.user_id, v.id),
    e.tenant_id,
    e.user_id,
    v.id,
    v.duration_ms
from tenancy.enrollments as e
inner join tenancy.memberships as m
    on e.tenant_id = m.tenant_id and e.user_id = m.user_id
inner join content.lesson_assignments as a
    on e.tenant_id = a.tenant_id and e.class_id = a.class_id
inner join content.lessons as l
    on a.tenant_id = l.tenant_id and a.lesson_id = l.id
inner join content.videos as v
    on l.tenant_id = v.tenant_id and l.id = v.lesson_id
where
    e.ended_at is null
    and m.status = 'active'
    and m.role = 'student'
    and l.status = 'published'
    and v.processing_status = 'ready'
    and v.duration_ms > 0;

grant usage on schema bench to ilp_app;
grant select, insert on bench.raw_events to ilp_app;
grant select on bench.raw_rows, bench.actors to ilp_app;

-- One row per (student, approved single-choice question without an attempt limit) on a video the
-- student may watch, with the correct response; the benchmark marks those videos watched first.
create table bench.answers (
    n integer primary key,
    tenant_id uuid not null,
    user_id uuid not null,
    question_id uuid not null,
    version integer not null,
    response jsonb not null
);

insert into bench.answers (n, tenant_id, user_id, question_id, version, response)
select
    row_number() over (order by a.n, q.id),
    a.tenant_id,
    a.user_id,
    q.id,
    qv.version,
    jsonb_build_object('option_id', k.answer_key ->> 'correct_option_id')
from bench.actors as a
inner join content.milestones as m
    on a.tenant_id = m.tenant_id and a.video_id = m.video_id
inner join content.questions as q
    on m.tenant_id = q.tenant_id and m.id = q.milestone_id
inner join content.question_versions as qv
    on q.tenant_id = qv.tenant_id and q.id = qv.question_id
inner join content.question_answer_keys as k
    on qv.tenant_id = k.tenant_id and qv.question_id = k.question_id and qv.version = k.version
where
    qv.status = 'approved'
    and qv.question_type = 'single_choice'
    and qv.max_attempts is null;

grant select on bench.answers to ilp_app;
