-- Grade a hotspot answer: whether the clicked point lies in an area of the answer key.

create or replace function learning.grade_hotspot(
    p_x numeric,
    p_y numeric,
    p_areas jsonb
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    -- Coordinates are fractions of the frame's width and height, from its top-left corner, as
    -- in the answer key; edges count as inside.
    if
        exists (
            select
            from jsonb_array_elements(p_areas) as a (area)
            where
                case a.area ->> 'shape'
                    when 'rectangle' then
                        p_x between (a.area ->> 'x')::numeric
                        and (a.area ->> 'x')::numeric + (a.area ->> 'width')::numeric
                        and p_y between (a.area ->> 'y')::numeric
                        and (a.area ->> 'y')::numeric + (a.area ->> 'height')::numeric
                    when 'circle' then
                        (p_x - (a.area ->> 'x')::numeric) ^ 2
                        + (p_y - (a.area ->> 'y')::numeric) ^ 2
                        <= ((a.area ->> 'radius')::numeric) ^ 2
                    else false
                end
        )
    then
        return 1;
    end if;

    return 0;
end
$$;

comment on function learning.grade_hotspot(numeric, numeric, jsonb) is
'Returns 1 when the point (p_x, p_y), in fractions of the frame from its top-left corner, lies '
'in or on the edge of a rectangle {x, y, width, height} or circle {x, y, radius} of p_areas, '
'else 0.';
