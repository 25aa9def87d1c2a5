-- Grade a numeric answer against the expected value and its tolerance.

create or replace function learning.grade_numeric(
    p_value numeric,
    p_expected numeric,
    p_tolerance numeric
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    if abs(p_value - p_expected) <= coalesce(p_tolerance, 0) then
        return 1;
    end if;

    return 0;
end
$$;

comment on function learning.grade_numeric(numeric, numeric, numeric) is
'Returns 1 when |p_value - p_expected| <= p_tolerance (both ends included, exact decimal '
'arithmetic), else 0; 0 for a null value.';
