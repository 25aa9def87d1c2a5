-- Recompute a student's learning.question_results row from their attempts.

create or replace function learning.refresh_question_result(
    p_tenant_id uuid,
    p_user_id uuid,
    p_question_id uuid,
    p_question_version integer,
    p_grade_policy learning.grade_policy
)
returns learning.question_results
language plpgsql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_result learning.question_results;
begin
    -- The row is locked before the attempts are read: every writer of attempts of this student
    -- and version holds this lock, so the counts below see all of them. Under read committed
    -- the update then reads with a snapshot taken after the lock was granted, and it waits for
    -- no other lock, so its subquery is not evaluated on a stale row.
    perform
    from learning.question_results as r
    where
        r.tenant_id = p_tenant_id
        and r.user_id = p_user_id
        and r.question_id = p_question_id
        and r.question_version = p_question_version
    for update;

    update learning.question_results as r
    set
        (
            attempt_count, graded_count, pending_count, current_score, last_submitted_at
        ) = (
            select
                count(*),
                count(*) filter (where a.status = 'graded'),
                count(*) filter (where a.status = 'needs_grading'),
                learning.score_by_policy(
                    p_grade_policy, array_agg(a.score order by a.attempt_number)
                ),
                max(a.submitted_at)
            from learning.question_attempts as a
            where
                a.tenant_id = p_tenant_id
                and a.user_id = p_user_id
                and a.question_id = p_question_id
                and a.question_version = p_question_version
        ),
        grade_policy = p_grade_policy
    where
        r.tenant_id = p_tenant_id
        and r.user_id = p_user_id
        and r.question_id = p_question_id
        and r.question_version = p_question_version
    returning r.* into v_result;

    return v_result;
end
$$;

comment on function learning.refresh_question_result(
    uuid, uuid, uuid, integer, learning.grade_policy
) is
'Locks a student''s learning.question_results row for a question version, recomputes its '
'attempt counts and its current score under p_grade_policy from learning.question_attempts, '
'and returns it (null when the row does not exist).';

revoke execute on function learning.refresh_question_result(
    uuid, uuid, uuid, integer, learning.grade_policy
) from public;
