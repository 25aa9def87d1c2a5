-- Combine the scores of a student's attempts on one question version under a grade policy.

create or replace function learning.score_by_policy(
    p_policy learning.grade_policy,
    p_scores numeric[]
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_graded numeric[] := array_remove(p_scores, null);
begin
    if cardinality(v_graded) = 0 or v_graded is null then
        return null;
    end if;

    return case p_policy
        when 'highest' then (select max(s) from unnest(v_graded) as s)
        when 'latest' then v_graded[cardinality(v_graded)]
        when 'first' then v_graded[1]
        when 'average' then (select round(avg(s), 2) from unnest(v_graded) as s)
    end;
end
$$;

comment on function learning.score_by_policy(learning.grade_policy, numeric[]) is
'Returns the current score from the scores of the attempts in attempt order, null standing for '
'an attempt waiting for a teacher, which is skipped: the maximum (highest), the last (latest), '
'the first (first) or the mean rounded to 2 decimal places (average); null when no attempt is '
'graded.';
