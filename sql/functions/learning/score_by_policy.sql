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
    v_score numeric;
    v_result numeric;
    v_sum numeric := 0;
    v_count integer := 0;
begin
    -- A loop rather than a query over unnest(), which would cost an executor start per call.
    foreach v_score in array coalesce(p_scores, '{}') loop
        continue when v_score is null;

        v_count := v_count + 1;
        v_sum := v_sum + v_score;
        v_result := case p_policy
            when 'highest' then greatest(v_result, v_score)
            when 'latest' then v_score
            when 'first' then coalesce(v_result, v_score)
            else null
        end;
    end loop;

    if v_count = 0 then
        return null;
    end if;

    if p_policy = 'average' then
        return round(v_sum / v_count, 2);
    end if;

    return v_result;
end
$$;

comment on function learning.score_by_policy(learning.grade_policy, numeric[]) is
'Returns the current score from the scores of the attempts in attempt order, null standing for '
'an attempt waiting for a teacher, which is skipped: the maximum (highest), the last (latest), '
'the first (first) or the mean rounded to 2 decimal places (average); null when no attempt is '
'graded.';
