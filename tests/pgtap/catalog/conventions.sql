-- Rules every object of the project schemas follows: row-level security, comments, pinned
-- search_path, constraint and index names, indexed foreign keys and tenant_id-first keys.
-- Each assertion lists the offending objects, so a new table that breaks a rule names itself.
begin;
select plan(16);

create temporary view project_tables as
select
    c.oid as table_oid,
    n.nspname as schema_name,
    c.relname as table_name,
    c.relrowsecurity as rls_enabled,
    c.relforcerowsecurity as rls_forced
from pg_catalog.pg_class as c
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where
    c.relkind in ('r', 'p')
    and not c.relispartition
    and n.nspname in (
        'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
    );

create temporary view project_functions as
select
    p.oid as function_oid,
    p.proname as function_name,
    p.prosecdef as is_definer,
    p.proconfig as settings,
    p.proacl as acl,
    p.proargnames as argument_names,
    p.proargmodes as argument_modes,
    p.prorettype = 'trigger'::regtype as is_trigger
from pg_catalog.pg_proc as p
inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
where n.nspname in (
    'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
);

-- Tables that carry a tenant_id column, tenancy.tenants excepted (it is the tenant itself).
create temporary view tenant_owned_tables as
select t.table_oid
from project_tables as t
where exists (
    select
    from pg_catalog.pg_attribute as a
    where
        a.attrelid = t.table_oid
        and a.attname = 'tenant_id'
        and not a.attisdropped
);

select cmp_ok(
    (select count(*) from project_tables),
    '>',
    0::bigint,
    'the project schemas have tables to check'
);

select is_empty(
    $$
    select table_oid::regclass::text
    from project_tables
    where not (rls_enabled and rls_forced)
    $$,
    'every table has row-level security enabled and forced'
);

select is_empty(
    $$
    select table_oid::regclass::text
    from project_tables
    where obj_description(table_oid, 'pg_class') is null
    $$,
    'every table has a comment'
);

select is_empty(
    $$
    select t.table_oid::regclass::text || '.' || a.attname
    from project_tables as t
    inner join pg_catalog.pg_attribute as a on t.table_oid = a.attrelid
    where
        a.attnum > 0
        and not a.attisdropped
        and col_description(t.table_oid, a.attnum) is null
    $$,
    'every column has a comment'
);

select is_empty(
    $$
    select ty.oid::regtype::text
    from pg_catalog.pg_type as ty
    inner join pg_catalog.pg_namespace as n on ty.typnamespace = n.oid
    where
        ty.typtype in ('e', 'd')
        and n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and obj_description(ty.oid, 'pg_type') is null
    $$,
    'every enum and domain has a comment'
);

select is_empty(
    $$
    select function_oid::regprocedure::text
    from project_functions
    where obj_description(function_oid, 'pg_proc') is null
    $$,
    'every function has a comment'
);

select is_empty(
    $$
    select function_oid::regprocedure::text
    from project_functions
    where not exists (
        select from unnest(settings) as s (setting)
        where s.setting like 'search\_path=%'
    ) or settings is null
    $$,
    'every function pins its search_path'
);

select is_empty(
    $$
    select function_oid::regprocedure::text
    from project_functions
    where
        is_definer
        and (
            acl is null
            or exists (
                select
                from aclexplode(acl) as a
                where a.grantee = 0 and a.privilege_type = 'EXECUTE'
            )
        )
    $$,
    'every security definer function has execute revoked from public'
);

select is_empty(
    $$
    select function_oid::regprocedure::text || ' parameter ' || a.argument_name
    from
        project_functions as f,
        unnest(f.argument_names, f.argument_modes) as a (argument_name, argument_mode)
    where
        a.argument_name <> ''
        and coalesce(a.argument_mode, 'i') in ('i', 'b', 'v')
        and a.argument_name not like 'p\_%'
    $$,
    'every named function parameter starts with p_'
);

select is_empty(
    $$
    select function_oid::regprocedure::text
    from project_functions
    where is_trigger and function_name !~ '^tg(_[a-z][a-z0-9_]*)?__[a-z][a-z0-9_]*$'
    $$,
    'every trigger function is named tg_<table>__<task> or tg__<task>'
);

-- pk_<table>, fk_<table>_..., unique_<table>_..., check_<table>_..., excl_<table>_...
select is_empty(
    $$
    select co.conrelid::regclass::text || ' ' || co.conname
    from pg_catalog.pg_constraint as co
    inner join project_tables as t on co.conrelid = t.table_oid
    where
        co.contype <> 'n'
        and co.conname !~ (
            '^'
            || case co.contype
                when 'p' then 'pk'
                when 'f' then 'fk'
                when 'u' then 'unique'
                when 'c' then 'check'
                when 'x' then 'excl'
                when 't' then 'trigger'
            end
            || '_' || t.table_name
            || case when co.contype = 'p' then '$' else '_[a-z0-9_]+$' end
        )
    $$,
    'every constraint is named <kind>_<table>_<what> with the kind prefix of its type'
);

select is_empty(
    $$
    select i.indexrelid::regclass::text
    from pg_catalog.pg_index as i
    inner join project_tables as t on i.indrelid = t.table_oid
    inner join pg_catalog.pg_class as ic on i.indexrelid = ic.oid
    where
        not exists (select from pg_catalog.pg_constraint as co where co.conindid = i.indexrelid)
        and ic.relname !~ ('^index_' || t.table_name || '_on_[a-z0-9_]+$')
    $$,
    'every index that backs no constraint is named index_<table>_on_<columns>'
);

-- An index serves a foreign key when the key's columns are the leading columns of the index,
-- in any order among themselves (a partial index does not count).
select is_empty(
    $$
    select co.conrelid::regclass::text || ' ' || co.conname
    from pg_catalog.pg_constraint as co
    inner join project_tables as t on co.conrelid = t.table_oid
    where
        co.contype = 'f'
        and not exists (
            select
            from pg_catalog.pg_index as i
            where
                i.indrelid = co.conrelid
                and i.indpred is null
                and i.indnkeyatts >= cardinality(co.conkey)
                and (
                    select array_agg(k.attnum order by k.attnum)
                    from unnest((i.indkey::int2 [])[0:cardinality(co.conkey) - 1]) as k (attnum)
                ) = (
                    select array_agg(k.attnum order by k.attnum)
                    from unnest(co.conkey) as k (attnum)
                )
        )
    $$,
    'every foreign key has an index that starts with its columns'
);

select is_empty(
    $$
    select table_oid::regclass::text
    from tenant_owned_tables as t
    where not exists (
        select
        from pg_catalog.pg_constraint as co
        inner join pg_catalog.pg_attribute as a
            on co.conrelid = a.attrelid and a.attnum = co.conkey[1]
        where
            co.conrelid = t.table_oid
            and co.contype = 'p'
            and a.attname = 'tenant_id'
    )
    $$,
    'every tenant-owned table has tenant_id as the first column of its primary key'
);

select is_empty(
    $$
    select t.table_oid::regclass::text
    from tenant_owned_tables as t
    where not exists (
        select
        from pg_catalog.pg_constraint as co
        inner join pg_catalog.pg_attribute as a
            on co.conrelid = a.attrelid and a.attnum = co.conkey[1]
        where
            co.conrelid = t.table_oid
            and co.contype = 'f'
            and cardinality(co.conkey) = 1
            and a.attname = 'tenant_id'
            and co.confrelid = 'tenancy.tenants'::regclass
    )
    $$,
    'every tenant-owned table has a foreign key from tenant_id to tenancy.tenants'
);

select is_empty(
    $$
    select co.conrelid::regclass::text || ' ' || co.conname
    from pg_catalog.pg_constraint as co
    inner join tenant_owned_tables as source_table on co.conrelid = source_table.table_oid
    inner join tenant_owned_tables as target_table on co.confrelid = target_table.table_oid
    inner join pg_catalog.pg_attribute as source_column
        on co.conrelid = source_column.attrelid and source_column.attnum = co.conkey[1]
    inner join pg_catalog.pg_attribute as target_column
        on co.confrelid = target_column.attrelid and target_column.attnum = co.confkey[1]
    where
        co.contype = 'f'
        and not (source_column.attname = 'tenant_id' and target_column.attname = 'tenant_id')
    $$,
    'every foreign key between tenant-owned tables starts with tenant_id on both sides'
);

select * from finish();
rollback;
