-- Create the roles, grant ilp_owner to the migrating login, and let ilp_owner create schemas.
-- Roles belong to the whole cluster, and several databases of one cluster run this file, so every
-- statement checks the catalog first and does nothing when a role or membership already exists.
-- This file runs as the migrating login itself (a superuser locally), not as ilp_owner, because
-- ilp_owner does not exist before it. No passwords are set here: a DBA sets them with alter role.

-- Each role is commented only when it is created: comment on role needs createrole, which a
-- login re-running this file on another database may lack.
do $$
begin
    if not exists (select from pg_catalog.pg_roles where rolname = 'ilp_owner') then
        create role ilp_owner nologin nosuperuser nocreatedb nocreaterole nobypassrls;
        comment on role ilp_owner is
            'Owns every schema, table, type and function of ilp-db; cannot log in. Migrations and '
            'definition files run as this role.';
    end if;

    if not exists (select from pg_catalog.pg_roles where rolname = 'ilp_migrator') then
        create role ilp_migrator login nosuperuser nocreatedb nocreaterole nobypassrls;
        comment on role ilp_migrator is
            'Login of deploy pipelines; member of ilp_owner, so migrations create objects owned '
            'by ilp_owner.';
    end if;

    if not exists (select from pg_catalog.pg_roles where rolname = 'ilp_app') then
        create role ilp_app login nosuperuser nocreatedb nocreaterole nobypassrls;
        comment on role ilp_app is
            'Login of the backend; owns nothing, has no bypassrls, and gets only the grants in '
            'sql/policies.';
    end if;

    if not exists (select from pg_catalog.pg_roles where rolname = 'ilp_analytics') then
        create role ilp_analytics login nosuperuser nocreatedb nocreaterole nobypassrls;
        comment on role ilp_analytics is
            'Login of read-only reporting; has no bypassrls.';
    end if;

    if not exists (select from pg_catalog.pg_roles where rolname = 'ilp_operator') then
        create role ilp_operator login nosuperuser nocreatedb nocreaterole nobypassrls;
        comment on role ilp_operator is
            'Login of platform support staff working across tenants, with explicit grants; has '
            'no bypassrls.';
    end if;
end
$$;

-- A role that already existed keeps its attributes, and only a superuser may change bypassrls on
-- PostgreSQL 15, so an unsafe attribute is reported rather than silently altered.
do $$
declare
    v_role_name text;
begin
    select r.rolname
    into v_role_name
    from pg_catalog.pg_roles as r
    where
        r.rolname in ('ilp_owner', 'ilp_migrator', 'ilp_app', 'ilp_analytics', 'ilp_operator')
        and (r.rolsuper or r.rolbypassrls)
    order by r.rolname
    limit 1;

    if v_role_name is not null then
        raise exception 'role % has superuser or bypassrls, which would bypass row-level security',
            v_role_name
            using
                errcode = '55000',
                hint = format(
                    'run: alter role %I nosuperuser nobypassrls; then apply the migrations again',
                    v_role_name
                );
    end if;
end
$$;

-- Memberships are granted only when missing: granting an existing membership again needs the
-- admin option on PostgreSQL 15, which a non-superuser login re-running this file may not have.
-- pg_has_role() is not used here because it reports every role as held by a superuser.
do $$
begin
    if
        current_user <> 'ilp_owner'
        and not exists (
            select
            from pg_catalog.pg_auth_members as m
            inner join pg_catalog.pg_roles as granted on m.roleid = granted.oid
            inner join pg_catalog.pg_roles as member on m.member = member.oid
            where
                granted.rolname = 'ilp_owner'
                and member.rolname = current_user
        )
    then
        grant ilp_owner to current_user;
    end if;

    if not exists (
        select
        from pg_catalog.pg_auth_members as m
        inner join pg_catalog.pg_roles as granted on m.roleid = granted.oid
        inner join pg_catalog.pg_roles as member on m.member = member.oid
        where
            granted.rolname = 'ilp_owner'
            and member.rolname = 'ilp_migrator'
    ) then
        grant ilp_owner to ilp_migrator;
    end if;
end
$$;

-- ilp_owner creates the project schemas and the trusted extensions of migration 0002, which both
-- need create on the database.
do $$
begin
    execute format('grant create, connect on database %I to ilp_owner', current_database());
end
$$;

-- PostgreSQL 15 already creates the public schema without create for public. Databases upgraded
-- from older versions keep the old grant, so it is revoked here: only the schema's owner
-- (pg_database_owner) may create objects in public.
revoke create on schema public from public;
