-- Turn the credit of an answer into points, minus the penalty for earlier attempts.

create or replace function learning.apply_retry_penalty(
    p_credit numeric,
    p_points numeric,
    p_penalty_points numeric,
    p_attempt_number integer
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    return greatest(
        round(p_credit * p_points, 2) - coalesce(p_penalty_points, 0) * (p_attempt_number - 1),
        0
    );
end
$$;

comment on function learning.apply_retry_penalty(numeric, numeric, numeric, integer) is
'Returns the score of an attempt: p_credit (0 to 1) times p_points, rounded to 2 decimal '
'places half away from zero, minus p_penalty_points for each attempt before this one, at '
'least 0. Example: (1, 2, 0.5, 3) gives 1.00.';
