-- Test helpers shared by the pgTAP suites: the tests schema, a fixture of two tenants, and
-- functions that switch the current role and request context to one actor of that fixture.
-- The harness loads this file as a superuser after migrating the scratch database.

create schema if not exists tests;

comment on schema tests is
'Helpers of the pgTAP suites; exists only in scratch test databases.';

-- The helpers switch to these roles and keep running under them, so they need the schema too.
grant usage on schema tests to ilp_app, ilp_operator, ilp_analytics, ilp_owner;

-- Usage: select tests.fixture_id('student') returns the id of the student's user row.
-- Every id is derived from the object's name, so tests can name rows without storing them.
create or replace function tests.fixture_id(p_name text)
returns uuid
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
    if p_name not in (
        'tenant_a', 'tenant_b',
        'class_1', 'class_2', 'class_b',
        'admin', 'class_teacher', 'other_teacher', 'student', 'other_student',
        'other_tenant_admin', 'other_tenant_student', 'newcomer'
    ) then
        raise exception 'unknown fixture object %', p_name
            using hint = 'Use a name listed in tests.fixture_id().';
    end if;

    return md5('ilp-test-fixture/' || p_name)::uuid;
end
$$;

comment on function tests.fixture_id(text) is
'Returns the fixed uuid of a fixture object by name (tenant_a, class_1, student, ...); raises on '
'an unknown name.';

-- Usage: select tests.create_fixture(); as a superuser, at the start of a test transaction.
-- Tenant A: admin; class_teacher teaches class_1; other_teacher teaches class_2; student attends
-- class_1; other_student attends class_2. Tenant B: other_tenant_admin; other_tenant_student
-- attends class_b. newcomer is a user with neither a profile nor a membership.
create or replace function tests.create_fixture()
returns void
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
begin
    insert into tenancy.tenants (id, slug, name)
    values
    (tests.fixture_id('tenant_a'), 'test-tenant-a', 'Test tenant A'),
    (tests.fixture_id('tenant_b'), 'test-tenant-b', 'Test tenant B');

    insert into tenancy.users (id)
    select tests.fixture_id(u.name)
    from unnest(array[
        'admin', 'class_teacher', 'other_teacher', 'student', 'other_student',
        'other_tenant_admin', 'other_tenant_student', 'newcomer'
    ]) as u (name);

    insert into tenancy.user_profiles (user_id, full_name, email)
    select
        tests.fixture_id(u.name),
        initcap(replace(u.name, '_', ' ')),
        u.name || '@example.org'
    from unnest(array[
        'admin', 'class_teacher', 'other_teacher', 'student', 'other_student',
        'other_tenant_admin', 'other_tenant_student'
    ]) as u (name);

    insert into tenancy.memberships (tenant_id, user_id, role)
    values
    (tests.fixture_id('tenant_a'), tests.fixture_id('admin'), 'admin'),
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_teacher'), 'teacher'),
    (tests.fixture_id('tenant_a'), tests.fixture_id('other_teacher'), 'teacher'),
    (tests.fixture_id('tenant_a'), tests.fixture_id('student'), 'student'),
    (tests.fixture_id('tenant_a'), tests.fixture_id('other_student'), 'student'),
    (tests.fixture_id('tenant_b'), tests.fixture_id('other_tenant_admin'), 'admin'),
    (tests.fixture_id('tenant_b'), tests.fixture_id('other_tenant_student'), 'student');

    insert into tenancy.classes (tenant_id, id, name)
    values
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_1'), 'Class 1'),
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_2'), 'Class 2'),
    (tests.fixture_id('tenant_b'), tests.fixture_id('class_b'), 'Class B');

    insert into tenancy.class_teachers (tenant_id, class_id, user_id)
    values
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_1'), tests.fixture_id('class_teacher')),
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_2'), tests.fixture_id('other_teacher'));

    insert into tenancy.enrollments (tenant_id, class_id, user_id)
    values
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_1'), tests.fixture_id('student')),
    (tests.fixture_id('tenant_a'), tests.fixture_id('class_2'), tests.fixture_id('other_student')),
    (
        tests.fixture_id('tenant_b'),
        tests.fixture_id('class_b'),
        tests.fixture_id('other_tenant_student')
    );
end
$$;

comment on function tests.create_fixture() is
'Inserts the two-tenant fixture (see the comment above the function in the setup file). Run it '
'as a superuser inside the test transaction, which rolls it back.';

-- Usage: select tests.act_as('student'); then query as that actor until the transaction ends or
-- the next act_as call. Actors: admin, class_teacher, other_teacher, student, other_student and
-- other_tenant_admin, other_tenant_student (ilp_app with app.begin_request for that member);
-- no_context (ilp_app without a context); operator (ilp_operator); analytics (ilp_analytics).
-- Both the role and the context are transaction-local, so rollback (or rollback to savepoint)
-- undoes them. Must be called from a superuser session, like the test files themselves.
create or replace function tests.act_as(p_actor text)
returns void
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
begin
    set local role none;
    perform set_config('ilp.tenant_id', '', true);
    perform set_config('ilp.user_id', '', true);

    case
        when p_actor = 'operator' then
            set local role ilp_operator;
        when p_actor = 'analytics' then
            set local role ilp_analytics;
        when p_actor = 'no_context' then
            set local role ilp_app;
        when p_actor in ('admin', 'class_teacher', 'other_teacher', 'student', 'other_student') then
            set local role ilp_app;
            perform app.begin_request(tests.fixture_id('tenant_a'), tests.fixture_id(p_actor));
        when p_actor in ('other_tenant_admin', 'other_tenant_student') then
            set local role ilp_app;
            perform app.begin_request(tests.fixture_id('tenant_b'), tests.fixture_id(p_actor));
        else
            raise exception 'unknown actor %', p_actor
                using hint = 'Use an actor listed in the comment of tests.act_as().';
    end case;
end
$$;

comment on function tests.act_as(text) is
'Switches, until the transaction ends, to the role and request context of a fixture actor: '
'admin, class_teacher, other_teacher, student, other_student, other_tenant_admin, '
'other_tenant_student, no_context, operator or analytics.';

-- Usage: select tests.act_as_owner(); to query as ilp_owner, which owns every table and reads
-- every row through the all_table_owner policies. The context settings are cleared.
create or replace function tests.act_as_owner()
returns void
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
begin
    set local role none;
    perform set_config('ilp.tenant_id', '', true);
    perform set_config('ilp.user_id', '', true);
    set local role ilp_owner;
end
$$;

comment on function tests.act_as_owner() is
'Switches to ilp_owner without a request context until the transaction ends.';

-- Usage: select tests.count_visible_rows('student', 'tenancy.classes'); returns how many rows of
-- the table the actor sees, or null when the actor may not select from it (SQLSTATE 42501).
-- The actor's role and context are undone when it returns.
create or replace function tests.count_visible_rows(p_actor text, p_table regclass)
returns bigint
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_count bigint;
begin
    begin
        if p_actor = 'owner' then
            perform tests.act_as_owner();
        else
            perform tests.act_as(p_actor);
        end if;

        execute format('select count(*) from %s', p_table) into v_count;
        -- Leaving the block by an exception rolls back its role and context switch.
        raise exception using errcode = 'T0001';
    exception
        when sqlstate 'T0001' then
            return v_count;
        when insufficient_privilege then
            return null;
    end;
end
$$;

comment on function tests.count_visible_rows(text, regclass) is
'Returns the number of rows of a table visible to an actor of tests.act_as() or to owner, or '
'null when the actor lacks the select privilege; leaves the caller''s role and context as they '
'were.';

-- Usage: select * from tests.count_rows_per_table(); returns, for every project table, how many
-- rows the current role and request context see (null without the select privilege). Unlike
-- tests.count_visible_rows() it switches nothing, so it also measures a context set by hand.
create or replace function tests.count_rows_per_table()
returns table (table_name text, row_count bigint)
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_table regclass;
begin
    for v_table in select t.table_oid from tests.project_tables() as t (table_oid) loop
        table_name := v_table::text;

        begin
            execute format('select count(*) from %s', v_table) into row_count;
        exception
            when insufficient_privilege then
                row_count := null;
        end;

        return next;
    end loop;
end
$$;

comment on function tests.count_rows_per_table() is
'Returns the number of rows of each project table visible to the current role and request '
'context, or null for a table it may not select from.';
