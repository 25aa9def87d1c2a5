-- app.uuid_v7(): its declaration, the version and variant bits, the time prefix and the ordering.
begin;
select plan(13);

select has_function('app', 'uuid_v7', array[]::name[], 'app.uuid_v7() exists');
select function_returns('app', 'uuid_v7', array[]::name[], 'uuid', 'app.uuid_v7() returns uuid');
select volatility_is('app', 'uuid_v7', array[]::name[], 'volatile', 'app.uuid_v7() is volatile');
select isnt_definer('app', 'uuid_v7', array[]::name[], 'app.uuid_v7() is security invoker');
select is(
    (
        select p.proparallel::text from pg_catalog.pg_proc as p
        where p.oid = 'app.uuid_v7()'::regprocedure
    ),
    's',
    'app.uuid_v7() is parallel safe'
);
select is(
    (
        select p.proconfig from pg_catalog.pg_proc as p
        where p.oid = 'app.uuid_v7()'::regprocedure
    ),
    array['search_path=pg_catalog'],
    'app.uuid_v7() pins search_path to pg_catalog'
);

-- The text form of a UUID is 8-4-4-4-12 hex digits: character 15 is the version nibble, and
-- character 20 contains the variant bits 10xx, so it is one of 8, 9, a and b.
create temporary table sample_ids on commit drop as
select app.uuid_v7() as id
from generate_series(1, 1000);

select is_empty(
    $$select id from sample_ids where substr(id::text, 15, 1) <> '7'$$,
    'every uuid_v7 has version nibble 7'
);

select is_empty(
    $$select id from sample_ids where substr(id::text, 20, 1) not in ('8', '9', 'a', 'b')$$,
    'every uuid_v7 has the RFC 9562 variant bits 10'
);

select is(
    (select count(distinct id) from sample_ids),
    1000::bigint,
    'one thousand uuid_v7 calls return one thousand distinct ids'
);

-- The first 48 bits are the unix time in milliseconds.
create function pg_temp.unix_milliseconds_of(p_id uuid)
returns bigint
language sql
immutable
as $$
    select ('x' || lpad(substr(replace(p_id::text, '-', ''), 1, 12), 16, '0'))::bit(64)::bigint
$$;

-- Reads the clock, calls app.uuid_v7(), and reads the clock again, as three separate statements.
create function pg_temp.timed_uuid_v7(
    out clock_before bigint, out id uuid, out clock_after bigint
)
language plpgsql
volatile
as $$
begin
    clock_before := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
    id := app.uuid_v7();
    clock_after := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
end
$$;

create temporary table timed_ids (
    position integer primary key,
    clock_before bigint not null,
    id uuid not null,
    clock_after bigint not null
) on commit drop;

insert into timed_ids (position, clock_before, id, clock_after)
select
    1 as position,
    t.clock_before,
    t.id,
    t.clock_after
from pg_temp.timed_uuid_v7() as t;

select pg_sleep(0.002);

insert into timed_ids (position, clock_before, id, clock_after)
select
    2 as position,
    t.clock_before,
    t.id,
    t.clock_after
from pg_temp.timed_uuid_v7() as t;

select is_empty(
    $$
    select id
    from timed_ids
    where pg_temp.unix_milliseconds_of(id) not between clock_before and clock_after
    $$,
    'the time prefix of uuid_v7 is the unix time in milliseconds at the call'
);

select cmp_ok(
    (
        select pg_temp.unix_milliseconds_of(id) from timed_ids
        where position = 2
    ),
    '>',
    (
        select pg_temp.unix_milliseconds_of(id) from timed_ids
        where position = 1
    ),
    'a uuid_v7 made 2 ms later has a greater time prefix'
);

select cmp_ok(
    (
        select id from timed_ids
        where position = 2
    ),
    '>',
    (
        select id from timed_ids
        where position = 1
    ),
    'a uuid_v7 made 2 ms later sorts after the earlier one'
);

select cmp_ok(
    (select count(distinct substr(id::text, 16, 3)) from sample_ids),
    '>',
    1::bigint,
    'the 12 bits after the version nibble vary between ids'
);

select * from finish();
rollback;
