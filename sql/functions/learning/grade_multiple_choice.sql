-- Grade a multiple-choice answer: the credit, from 0 to 1, for a set of selected options.

create or replace function learning.grade_multiple_choice(
    p_selected text[],
    p_correct text[],
    p_partial_credit boolean
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_selected text[] := array(select distinct s from unnest(p_selected) as s);
    v_correct text[] := array(select distinct c from unnest(p_correct) as c);
    v_hits integer;
    v_misses integer;
begin
    if v_selected @> v_correct and v_correct @> v_selected then
        return 1;
    end if;

    if not coalesce(p_partial_credit, false) or cardinality(v_correct) = 0 then
        return 0;
    end if;

    -- Each correct option selected earns its share, and each wrong option selected takes one
    -- share back, so selecting every option earns nothing.
    select
        count(*) filter (where s = any(v_correct)),
        count(*) filter (where not s = any(v_correct))
    into v_hits, v_misses
    from unnest(v_selected) as s;

    return round(greatest(v_hits - v_misses, 0)::numeric / cardinality(v_correct), 6);
end
$$;

comment on function learning.grade_multiple_choice(text[], text[], boolean) is
'Returns the credit of a multiple-choice answer, rounded to 6 decimal places: 1 when the '
'selected options are exactly the correct ones (duplicates ignored); otherwise 0, or with '
'p_partial_credit (correct selected - wrong selected) / number of correct options, at least 0.';
