-- Find the field of a progress event batch whose value has the wrong type, and raise IL310
-- naming it.

-- learning.record_progress_events() casts the whole batch in one statement and calls this only
-- when that cast fails, so the valid path pays for no per-field check.
create or replace function learning.raise_progress_event_type_error(
    p_events jsonb,
    p_cast_error text
)
returns void
language plpgsql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_index bigint;
    v_event jsonb;
    v_field text;
    v_expected text;
begin
    for v_index, v_event in
        select e.ordinality - 1, e.value
        from jsonb_array_elements(p_events) with ordinality as e (value, ordinality)
    loop
        foreach v_field in array array[
            'event_id', 'session_id', 'verb', 'occurred_at', 'position_ms', 'seek_from_ms',
            'watched_from_ms'
        ] loop
            continue when v_event ->> v_field is null;

            begin
                case v_field
                    when 'event_id', 'session_id' then
                        v_expected := 'a UUID';
                        perform (v_event ->> v_field)::uuid;
                    when 'verb' then
                        v_expected := 'one of '
                            || array_to_string(enum_range(null::learning.progress_verb), ', ');
                        perform (v_event ->> v_field)::learning.progress_verb;
                    when 'occurred_at' then
                        v_expected := 'an ISO 8601 timestamp such as 2026-12-04T10:15:30.250Z';
                        perform (v_event ->> v_field)::timestamptz;
                    else
                        v_expected := 'a whole number of milliseconds';
                        perform (v_event ->> v_field)::integer;
                end case;
            exception
                when data_exception then
                    raise exception 'events[%].% has the invalid value %, expected %',
                        v_index, v_field, v_event -> v_field, v_expected
                        using errcode = 'IL310';
            end;
        end loop;
    end loop;

    -- Not reached unless the cast failed for a reason the loop does not check.
    raise exception 'invalid progress events: %', p_cast_error
        using errcode = 'IL310';
end
$$;

comment on function learning.raise_progress_event_type_error(jsonb, text) is
'Raises IL310 naming the first events[i].field of a batch whose value cannot be cast to the '
'field''s type, or, when every field casts, IL310 with p_cast_error. Never returns.';
