-- Return the total length in milliseconds of a set of watched segments.

create or replace function learning.watched_length_ms(p_segments int4multirange)
returns integer
language plpgsql
immutable
strict
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_length integer;
begin
    -- The ranges of a multirange are merged and bounded, so none is counted twice.
    select coalesce(sum(upper(r.segment) - lower(r.segment)), 0)
    into v_length
    from unnest(p_segments) as r (segment);

    return v_length;
end
$$;

comment on function learning.watched_length_ms(int4multirange) is
'Returns the sum of the lengths of the ranges of a multirange of milliseconds. Example: '
'{[0,1000),[5000,6000)} gives 2000.';
