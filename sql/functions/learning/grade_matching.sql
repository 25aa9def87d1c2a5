-- Grade a matching answer with one of the matching strategies.

create or replace function learning.grade_matching(
    p_pairs jsonb,
    p_key_pairs jsonb,
    p_strategy learning.matching_strategy
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_key_count integer;
    v_correct_count integer;
    v_wrong_count integer;
begin
    select count(*)
    into v_key_count
    from jsonb_object_keys(p_key_pairs) as k;

    if v_key_count = 0 then
        return 0;
    end if;

    if p_pairs = p_key_pairs then
        return 1;
    end if;

    if p_strategy = 'exact' then
        return 0;
    end if;

    select
        count(*) filter (where p_key_pairs -> a.key = a.value),
        count(*) filter (where (p_key_pairs -> a.key) is distinct from a.value)
    into v_correct_count, v_wrong_count
    from jsonb_each(p_pairs) as a;

    return round(greatest(v_correct_count - v_wrong_count, 0)::numeric / v_key_count, 6);
end
$$;

comment on function learning.grade_matching(jsonb, jsonb, learning.matching_strategy) is
'Returns the credit of a matching answer, rounded to 6 decimal places. Both arguments are JSON '
'objects of left id to right id. 1 when the answer equals the key; otherwise 0 with strategy '
'exact, or with per_pair (key pairs matched - other pairs given) / number of key pairs, at '
'least 0.';
