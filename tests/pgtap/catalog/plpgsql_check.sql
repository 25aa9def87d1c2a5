-- plpgsql_check over every PL/pgSQL function of the project schemas: no errors allowed.
-- Trigger functions are checked against a table they are attached to, which plpgsql_check needs
-- to resolve NEW and OLD.
begin;
select plan(3);

create temporary view project_plpgsql_functions as
select
    p.oid as function_oid,
    p.prorettype = 'trigger'::regtype as is_trigger,
    (
        select t.tgrelid
        from pg_catalog.pg_trigger as t
        where t.tgfoid = p.oid
        order by t.tgrelid
        limit 1
    ) as trigger_table
from pg_catalog.pg_proc as p
inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
inner join pg_catalog.pg_language as l on p.prolang = l.oid
where
    l.lanname = 'plpgsql'
    and n.nspname in (
        'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
    );

select ok(
    (select count(*) from project_plpgsql_functions) > 0,
    'the project has PL/pgSQL functions to check'
);

select is_empty(
    $$
    select function_oid::regprocedure::text
    from project_plpgsql_functions
    where is_trigger and trigger_table is null
    $$,
    'every PL/pgSQL trigger function is attached to a table'
);

select is_empty(
    $$
    select f.function_oid::regprocedure::text || ' line ' || c.lineno || ': ' || c.message
    from project_plpgsql_functions as f
    cross join lateral plpgsql_check_function_tb(
        f.function_oid, coalesce(f.trigger_table, 0)
    ) as c
    where
        c.level = 'error'
        and (not f.is_trigger or f.trigger_table is not null)
    $$,
    'plpgsql_check reports no error in any PL/pgSQL function'
);

select * from finish();
rollback;
