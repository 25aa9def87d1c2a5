-- Hot queries of the benchmark, as the ingest, resume and answer functions run them, with the
-- values of one actor. runner/bench.py runs EXPLAIN on each block, as the superuser.
-- query: the next milestone at or after a position (resume lookup)
select ms.id, ms.position_ms, ms.kind
from content.milestones as ms
where
    ms.tenant_id = %(tenant_id)s
    and ms.video_id = %(video_id)s
    and ms.position_ms >= 60000
order by ms.position_ms, ms.sort_order
limit 1;
-- query: the student's progress on a video (resume lookup and progress upsert)
select p.last_position_ms, p.furthest_position_ms, p.watched_fraction
from learning.video_progress as p
where
    p.tenant_id = %(tenant_id)s
    and p.user_id = %(user_id)s
    and p.video_id = %(video_id)s;
-- query: the playback session of an event (ingest)
select s.user_id, s.video_id
from learning.playback_sessions as s
where s.tenant_id = %(tenant_id)s and s.id = %(session_id)s;
-- query: a retried event, found by its key in the month's partition (ingest)
select 1
from learning.progress_events as e
where
    e.tenant_id = %(tenant_id)s
    and e.occurred_at = now()
    and e.event_id = %(session_id)s;
-- query: the student's enrollment in a class the lesson is assigned to (visibility check)
select 1
from content.lesson_assignments as a
inner join tenancy.enrollments as e
    on a.tenant_id = e.tenant_id and a.class_id = e.class_id
where
    a.tenant_id = %(tenant_id)s
    and a.lesson_id = %(lesson_id)s
    and e.user_id = %(user_id)s
    and (e.ended_at is null or e.ended_at > now());
