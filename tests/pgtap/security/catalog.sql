-- Security rules of the catalog that every object of the project schemas must follow: forced
-- row-level security, invoker views, hardened security definer functions, tenant keys, policy
-- names and the privileges of the login roles. Each assertion lists the offenders by name.
begin;
select plan(25);

select cmp_ok(
    (select count(*) from tests.project_tables()),
    '>',
    0::bigint,
    'the project schemas have tables to check'
);

select is_empty(
    'select * from tests.tables_without_forced_rls()',
    'every project table has row-level security enabled and forced'
);

-- The check above would catch a new table: create one inside this transaction, which rolls back.
create table tenancy.probe_without_rls (id integer);

select results_eq(
    'select * from tests.tables_without_forced_rls()',
    array['tenancy.probe_without_rls'],
    'a new table without row-level security is reported'
);

alter table tenancy.probe_without_rls enable row level security;

select results_eq(
    'select * from tests.tables_without_forced_rls()',
    array['tenancy.probe_without_rls'],
    'a new table with row-level security enabled but not forced is reported'
);

alter table tenancy.probe_without_rls force row level security;

select is_empty(
    'select * from tests.tables_without_forced_rls()',
    'a new table with row-level security enabled and forced is not reported'
);

drop table tenancy.probe_without_rls;

select is_empty(
    'select * from tests.views_without_security_invoker()',
    'every project view runs with the privileges of its caller (security_invoker)'
);

create view tenancy.probe_owner_view as select id from tenancy.tenants;

select results_eq(
    'select * from tests.views_without_security_invoker()',
    array['tenancy.probe_owner_view'],
    'a new view without security_invoker is reported'
);

alter view tenancy.probe_owner_view set (security_invoker = true);

select is_empty(
    'select * from tests.views_without_security_invoker()',
    'a new view with security_invoker is not reported'
);

drop view tenancy.probe_owner_view;

-- pg_temp is searched first for tables unless the path names it, so it must come last.
select is_empty(
    $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
    where
        p.prosecdef
        and n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and not exists (
            select
            from unnest(p.proconfig) as s (setting)
            where s.setting ~ '^search_path=(.*, )?pg_temp$'
        )
    $$,
    'every security definer function pins a search_path that ends with pg_temp'
);

select is_empty(
    $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
    where
        p.prosecdef
        and n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and (
            p.proacl is null
            or exists (
                select
                from aclexplode(p.proacl) as a
                where a.grantee = 0 and a.privilege_type = 'EXECUTE'
            )
        )
    $$,
    'no security definer function is executable by public'
);

select is_empty(
    $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
    where
        p.prosecdef
        and n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and p.proowner <> 'ilp_owner'::regrole
    $$,
    'every security definer function is owned by ilp_owner'
);

select is_empty(
    $$
    select t.table_oid::text
    from tests.project_tables() as t (table_oid)
    where
        exists (
            select
            from pg_catalog.pg_attribute as a
            where
                a.attrelid = t.table_oid
                and a.attname = 'tenant_id'
                and not a.attisdropped
        )
        and not exists (
            select
            from pg_catalog.pg_constraint as co
            inner join pg_catalog.pg_attribute as a
                on co.conrelid = a.attrelid and a.attnum = any(co.conkey)
            where
                co.conrelid = t.table_oid
                and co.contype = 'p'
                and a.attname = 'tenant_id'
        )
    $$,
    'every table with a tenant_id column has it in its primary key'
);

-- A foreign key between two tables with tenant_id must pair the two tenant_id columns, so a row
-- can only reference a row of its own tenant.
select is_empty(
    $$
    select co.conrelid::regclass::text || ' ' || co.conname
    from pg_catalog.pg_constraint as co
    inner join tests.project_tables() as t (table_oid) on co.conrelid = t.table_oid
    where
        co.contype = 'f'
        and exists (
            select
            from pg_catalog.pg_attribute as a
            where a.attrelid = co.conrelid and a.attname = 'tenant_id' and not a.attisdropped
        )
        and exists (
            select
            from pg_catalog.pg_attribute as a
            where a.attrelid = co.confrelid and a.attname = 'tenant_id' and not a.attisdropped
        )
        and not exists (
            select
            from
                unnest(co.conkey, co.confkey) as k (source_attnum, target_attnum),
                pg_catalog.pg_attribute as source_column,
                pg_catalog.pg_attribute as target_column
            where
                source_column.attrelid = co.conrelid
                and source_column.attnum = k.source_attnum
                and target_column.attrelid = co.confrelid
                and target_column.attnum = k.target_attnum
                and source_column.attname = 'tenant_id'
                and target_column.attname = 'tenant_id'
        )
    $$,
    'every foreign key between tables with tenant_id pairs the two tenant_id columns'
);

select is(
    (
        select rolbypassrls or rolsuper from pg_catalog.pg_roles
        where rolname = 'ilp_app'
    ),
    false,
    'ilp_app is no superuser and does not bypass row-level security'
);

select is_empty(
    $$
    select pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
    from pg_catalog.pg_shdepend as d
    where
        d.deptype = 'o'
        and d.refclassid = 'pg_authid'::regclass
        and d.refobjid = 'ilp_app'::regrole
    $$,
    'ilp_app owns nothing'
);

select is_empty(
    $$
    select t.table_oid::text || ' ' || p.privilege
    from
        tests.project_tables() as t (table_oid),
        unnest(array['truncate', 'references', 'trigger']) as p (privilege)
    where has_table_privilege('ilp_app', t.table_oid, p.privilege)
    $$,
    'ilp_app has no truncate, references or trigger privilege on any project table'
);

select is_empty(
    $$
    select n.nspname::text
    from pg_catalog.pg_namespace as n
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops',
            'public'
        )
        and has_schema_privilege('ilp_app', n.oid, 'create')
    $$,
    'ilp_app cannot create objects in any project schema or in public'
);

select ok(
    not has_schema_privilege('ilp_app', 'ilp_migrations', 'usage'),
    'ilp_app cannot use the schema ilp_migrations of the runner'
);

select ok(
    not has_database_privilege('ilp_app', current_database(), 'create'),
    'ilp_app cannot create schemas in the database'
);

select is_empty(
    $$
    select t.table_oid::text || ' ' || p.privilege
    from
        tests.project_tables() as t (table_oid),
        unnest(array['insert', 'update', 'delete', 'truncate', 'references', 'trigger'])
            as p (privilege)
    where has_table_privilege('ilp_operator', t.table_oid, p.privilege)
    $$,
    'ilp_operator can only select from project tables'
);

select is_empty(
    $$
    select t.table_oid::text
    from tests.project_tables() as t (table_oid)
    where has_table_privilege(
        'ilp_analytics', t.table_oid, 'select, insert, update, delete, truncate'
    )
    $$,
    'ilp_analytics has no privilege on any project table yet'
);

-- Policy names are <command>_<who>, so the prefix must match the command the policy covers.
select is_empty(
    $$
    select p.schemaname || '.' || p.tablename || ' ' || p.policyname
    from pg_catalog.pg_policies as p
    where
        p.schemaname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and p.policyname !~ ('^' || lower(p.cmd) || '_[a-z][a-z0-9_]*$')
    $$,
    'every policy name starts with its command: select_, insert_, update_, delete_ or all_'
);

select is_empty(
    $$
    select p.schemaname || '.' || p.tablename || ' ' || p.policyname
    from pg_catalog.pg_policies as p
    where
        p.schemaname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and 'public' = any(p.roles)
    $$,
    'every policy names its roles, none applies to public'
);

select is_empty(
    $$
    select p.schemaname || '.' || p.tablename || ' ' || p.policyname
    from pg_catalog.pg_policies as p
    where
        p.schemaname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and p.cmd = 'ALL'
        and p.roles <> array['ilp_owner']::name[]
    $$,
    'only the ilp_owner policies cover all commands'
);

-- A helper call outside a scalar subquery runs once per row instead of once per statement.
select is_empty(
    $$
    select p.schemaname || '.' || p.tablename || ' ' || p.policyname
    from pg_catalog.pg_policies as p
    where
        p.schemaname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and regexp_replace(
            coalesce(p.qual, '') || ' ' || coalesce(p.with_check, ''),
            'SELECT app\.current_[a-z_]+\(\)',
            '',
            'g'
        ) ~ 'app\.current_'
    $$,
    'every policy calls the app.current_ helpers inside a scalar subquery'
);

select * from finish();
rollback;
