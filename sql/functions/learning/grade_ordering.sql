-- Grade an ordering answer with one of the ordering strategies.

create or replace function learning.grade_ordering(
    p_order text[],
    p_correct text[],
    p_strategy learning.ordering_strategy
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_item_count integer := cardinality(p_correct);
    v_matches bigint;
begin
    if p_order = p_correct then
        return 1;
    end if;

    if v_item_count < 2 or p_strategy = 'exact' then
        return 0;
    end if;

    if p_strategy = 'position' then
        select count(*)
        into v_matches
        from unnest(p_order, p_correct) as o (given, expected)
        where o.given = o.expected;

        return round(v_matches::numeric / v_item_count, 6);
    end if;

    -- pairwise: the share of the n(n-1)/2 pairs of the key whose two items the answer places in
    -- the same relative order. An item missing from the answer orders no pair.
    select count(*)
    into v_matches
    from unnest(p_correct) with ordinality as first_item (item, key_position)
    inner join unnest(p_correct) with ordinality as second_item (item, key_position)
        on first_item.key_position < second_item.key_position
    where
        array_position(p_order, first_item.item) < array_position(p_order, second_item.item);

    return round(v_matches::numeric / (v_item_count * (v_item_count - 1) / 2), 6);
end
$$;

comment on function learning.grade_ordering(text[], text[], learning.ordering_strategy) is
'Returns the credit of an ordering answer, rounded to 6 decimal places: 1 for the exact order; '
'otherwise 0 with strategy exact, the share of positions holding the right item with position, '
'or the share of item pairs in the right relative order with pairwise (see the type '
'learning.ordering_strategy).';
