-- (c) Where a student resumes a video, with the next milestone after that position.
\set n random(1, :actor_count)
with context as materialized (
    select a.video_id, app.begin_request(a.tenant_id, a.user_id) as member_role
    from bench.actors as a
    where a.n = :n
)
select r.*
from context as c
cross join lateral learning.resume_position(c.video_id) as r;
