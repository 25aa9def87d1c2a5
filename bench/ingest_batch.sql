-- (b) A batch of 50 heartbeats of a random student through learning.record_progress_events().
-- The JSON array is built in the same statement, on the server, which a backend would do on its
-- side: the measured rate includes that work, so it understates the ingest call alone.
\set n random(1, :actor_count)
\set position random(0, 3600000)
with context as materialized (
    select a.session_id, a.duration_ms, app.begin_request(a.tenant_id, a.user_id) as member_role
    from bench.actors as a
    where a.n = :n
)
select learning.record_progress_events(
    (
        select jsonb_agg(
            jsonb_build_object(
                'session_id', c.session_id,
                'event_id', gen_random_uuid(),
                'verb', 'heartbeat',
                'occurred_at', now() - make_interval(secs => (50 - i) * 2),
                'position_ms', (:position + i * 2000) % c.duration_ms
            )
            order by i
        )
        from generate_series(1, 50) as i
    )
)
from context as c;
