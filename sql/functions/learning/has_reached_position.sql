-- Return whether watched segments reach a position of a video, the rule that opens a milestone's
-- questions.

create or replace function learning.has_reached_position(
    p_segments int4multirange,
    p_position_ms integer
)
returns boolean
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    -- A player pauses at a milestone, and its last report may stop a little before it, so any
    -- watched millisecond in the 1000 ms before the position (or at it) counts. A position
    -- within the first 1000 ms needs no watching at all.
    return p_position_ms <= 1000
        or coalesce(p_segments && int4range(p_position_ms - 1000, p_position_ms, '[]'), false);
end
$$;

comment on function learning.has_reached_position(int4multirange, integer) is
'Returns whether the student has watched up to a position: true when the position is within '
'the first 1000 ms, or when the watched segments contain a millisecond of '
'[position - 1000, position]; false for null segments beyond that first second.';
