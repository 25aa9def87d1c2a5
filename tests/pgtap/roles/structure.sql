-- The project's roles: their attributes, memberships, database privileges and what they own.
begin;
select plan(27);

select has_role('ilp_owner', 'role ilp_owner exists');
select has_role('ilp_migrator', 'role ilp_migrator exists');
select has_role('ilp_app', 'role ilp_app exists');
select has_role('ilp_analytics', 'role ilp_analytics exists');
select has_role('ilp_operator', 'role ilp_operator exists');

select isnt_superuser('ilp_owner', 'ilp_owner is not a superuser');
select isnt_superuser('ilp_migrator', 'ilp_migrator is not a superuser');
select isnt_superuser('ilp_app', 'ilp_app is not a superuser');
select isnt_superuser('ilp_analytics', 'ilp_analytics is not a superuser');
select isnt_superuser('ilp_operator', 'ilp_operator is not a superuser');

select is(
    (
        select rolbypassrls from pg_catalog.pg_roles
        where rolname = 'ilp_owner'
    ),
    false,
    'ilp_owner does not bypass row-level security'
);
select is(
    (
        select rolbypassrls from pg_catalog.pg_roles
        where rolname = 'ilp_migrator'
    ),
    false,
    'ilp_migrator does not bypass row-level security'
);
select is(
    (
        select rolbypassrls from pg_catalog.pg_roles
        where rolname = 'ilp_app'
    ),
    false,
    'ilp_app does not bypass row-level security'
);
select is(
    (
        select rolbypassrls from pg_catalog.pg_roles
        where rolname = 'ilp_analytics'
    ),
    false,
    'ilp_analytics does not bypass row-level security'
);
select is(
    (
        select rolbypassrls from pg_catalog.pg_roles
        where rolname = 'ilp_operator'
    ),
    false,
    'ilp_operator does not bypass row-level security'
);

select results_eq(
    $$
    select rolname::text collate "default", rolcanlogin
    from pg_catalog.pg_roles
    where rolname like 'ilp\_%'
    order by rolname
    $$,
    $$
    values
    ('ilp_analytics', true),
    ('ilp_app', true),
    ('ilp_migrator', true),
    ('ilp_operator', true),
    ('ilp_owner', false)
    $$,
    'only ilp_owner cannot log in'
);

select is_empty(
    $$
    select rolname
    from pg_catalog.pg_roles
    where
        rolname in ('ilp_owner', 'ilp_migrator', 'ilp_app', 'ilp_analytics', 'ilp_operator')
        and (rolcreaterole or rolcreatedb or rolreplication)
    $$,
    'no project role can create roles or databases or replicate'
);

select is_member_of('ilp_owner', array['ilp_migrator'], 'ilp_migrator is a member of ilp_owner');
select is_member_of(
    'ilp_owner', array[current_user::name], 'the migrating login is a member of ilp_owner'
);
select isnt_member_of(
    'ilp_owner',
    array['ilp_app', 'ilp_analytics', 'ilp_operator']::name[],
    'the application, analytics and operator logins are not members of ilp_owner'
);

select ok(
    has_database_privilege('ilp_owner', current_database(), 'create')
    and has_database_privilege('ilp_owner', current_database(), 'connect'),
    'ilp_owner has create and connect on the database'
);

select is_empty(
    $$
    select acl.grantee::regrole::text
    from
        pg_catalog.pg_namespace as n,
        aclexplode(n.nspacl) as acl
    where
        n.nspname = 'public'
        and acl.privilege_type = 'CREATE'
        and acl.grantee <> 'pg_database_owner'::regrole
    $$,
    'only the database owner may create objects in schema public'
);

select is_empty(
    $$
    select
        pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
        || ' is owned by ' || d.refobjid::regrole::text
    from pg_catalog.pg_shdepend as d
    where
        d.deptype = 'o'
        and d.refclassid = 'pg_authid'::regclass
        and d.refobjid in (
            'ilp_app'::regrole, 'ilp_analytics'::regrole, 'ilp_operator'::regrole
        )
        and d.dbid in (0, (select oid from pg_catalog.pg_database where datname = current_database()))
    $$,
    'ilp_app, ilp_analytics and ilp_operator own no object'
);

select is_empty(
    $$
    select n.nspname::text
    from pg_catalog.pg_namespace as n
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and n.nspowner <> 'ilp_owner'::regrole
    $$,
    'ilp_owner owns every project schema'
);

select is_empty(
    $$
    select c.oid::regclass::text
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and c.relowner <> 'ilp_owner'::regrole
    $$,
    'ilp_owner owns every table, index, sequence and view of the project schemas'
);

select is_empty(
    $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and p.proowner <> 'ilp_owner'::regrole
    $$,
    'ilp_owner owns every function of the project schemas'
);

select is_empty(
    $$
    select t.oid::regtype::text
    from pg_catalog.pg_type as t
    inner join pg_catalog.pg_namespace as n on t.typnamespace = n.oid
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and t.typowner <> 'ilp_owner'::regrole
    $$,
    'ilp_owner owns every type of the project schemas'
);

select * from finish();
rollback;
