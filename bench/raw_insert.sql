-- Baseline: one autocommitted single-row insert into a plain table.
\set n random(1, :actor_count)
\set position random(0, 3600000)
insert into bench.raw_events (tenant_id, user_id, video_id, position_ms)
select a.tenant_id, a.user_id, a.video_id, :position % a.duration_ms
from bench.actors as a
where a.n = :n;
