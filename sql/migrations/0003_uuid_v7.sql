-- Add app.uuid_v7(), the generator of the time-ordered ids that every table uses as default.
-- depends: 0002_schemas_and_extensions
-- It lives in a migration rather than in sql/functions because column defaults depend on it, and
-- definition files run after all migrations.

-- Layout (RFC 9562, section 5.7): bytes 0-5 hold the unix time in milliseconds, big-endian; the
-- high nibble of byte 6 is the version (0111); the two high bits of byte 8 are the variant (10);
-- the other 74 bits come from gen_random_uuid(), which draws them from a cryptographic source.
-- Two ids made in the same millisecond are ordered randomly: ids sort by creation time only to
-- millisecond precision, which is what index locality needs.
create function app.uuid_v7()
returns uuid
language sql
volatile
parallel safe
security invoker
-- The set clause stops the planner from inlining this function, which does not matter for a
-- volatile function: it is evaluated once per row either way.
set search_path = pg_catalog
as $$
    select
        encode(
            set_byte(
                set_byte(
                    overlay(
                        random_id.bytes
                        placing substring(int8send(unix_time.milliseconds) from 3)
                        from 1 for 6
                    ),
                    6,
                    (get_byte(random_id.bytes, 6) & 15) | 112
                ),
                8,
                (get_byte(random_id.bytes, 8) & 63) | 128
            ),
            'hex'
        )::uuid
    from
        (select uuid_send(gen_random_uuid()) as bytes) as random_id,
        (
            select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as milliseconds
        ) as unix_time
$$;

comment on function app.uuid_v7() is
'Returns a new version-7 UUID: 48 bits of unix time in milliseconds from clock_timestamp(), then '
'version and variant bits, then random bits. Ids sort by creation time to the millisecond.';
