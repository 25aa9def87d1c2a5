-- (a) One heartbeat of a random student through learning.record_progress_event(). The request
-- context and the call share one statement: the projection runs only after the context row is
-- produced, so app.begin_request() has set the context when the ingest call starts.
\set n random(1, :actor_count)
\set position random(0, 3600000)
with context as materialized (
    select a.session_id, a.duration_ms, app.begin_request(a.tenant_id, a.user_id) as member_role
    from bench.actors as a
    where a.n = :n
)
select learning.record_progress_event(
    c.session_id, gen_random_uuid(), 'heartbeat', now(), :position % c.duration_ms
)
from context as c;
