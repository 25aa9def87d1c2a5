-- Rewrite app.uuid_v7() in PL/pgSQL, so PostgreSQL 15 stops planning it on every call.
-- depends: 0042_learning_attempts
--
-- Lock impact: create or replace function takes no lock on any table; column defaults that
-- call app.uuid_v7() use the new body from the next call on. The signature, the result and the
-- volatility stay the same.
--
-- The SQL version from 0003 cannot be inlined (it has a set clause), and PostgreSQL 15 plans
-- the body of a non-inlined SQL function again in every statement that calls it, about 60 us
-- per call on the development machine. PL/pgSQL keeps the plan of its expression per session.

create or replace function app.uuid_v7()
returns uuid
language plpgsql
volatile
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_bytes bytea := uuid_send(gen_random_uuid());
    v_milliseconds bigint := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
begin
    -- Bytes 0-5: the unix time in milliseconds, big-endian. Byte 6: version 7 in the high
    -- nibble. Byte 8: the variant bits 10. The other 74 bits stay random.
    v_bytes := overlay(v_bytes placing substring(int8send(v_milliseconds) from 3) from 1 for 6);
    v_bytes := set_byte(v_bytes, 6, (get_byte(v_bytes, 6) & 15) | 112);
    v_bytes := set_byte(v_bytes, 8, (get_byte(v_bytes, 8) & 63) | 128);
    return encode(v_bytes, 'hex')::uuid;
end
$$;

comment on function app.uuid_v7() is
'Returns a new version-7 UUID: 48 bits of unix time in milliseconds from clock_timestamp(), '
'then the version and variant bits, the rest random. Ids made later sort after earlier ones '
'(within the same millisecond, in random order).';
