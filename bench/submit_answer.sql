-- (d) A student's answer to a single-choice question, validated, checked against the watched
-- segments and graded, through learning.submit_answer().
\set n random(1, :answer_count)
with context as materialized (
    select
        b.question_id,
        b.version,
        b.response,
        app.begin_request(b.tenant_id, b.user_id) as member_role
    from bench.answers as b
    where b.n = :n
)
select s.*
from context as c
cross join lateral learning.submit_answer(c.question_id, c.version, c.response) as s;
