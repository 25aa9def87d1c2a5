-- Attempts to reach another tenant's rows through ilp_app: views, a set-returning function in a
-- prepared statement, insert on conflict, update returning. None returns a foreign row or
-- writes anything.
begin;
select plan(20);

select tests.create_fixture();

-- Views. One made by the owner without security_invoker runs as ilp_owner, which reads every
-- row, so it would leak: the project forbids such views (see catalog.sql).
select tests.act_as_owner();
create view tenancy.probe_owner_enrollments as
select
    tenant_id,
    class_id,
    user_id
from tenancy.enrollments;
create view tenancy.probe_invoker_enrollments with (security_invoker = true) as
select
    tenant_id,
    class_id,
    user_id
from tenancy.enrollments;
grant select on tenancy.probe_owner_enrollments, tenancy.probe_invoker_enrollments to ilp_app;

select tests.act_as('student');
select is(
    (select count(*) from tenancy.probe_owner_enrollments),
    3::bigint,
    'a view without security_invoker shows the student the enrollments of both tenants'
);
select results_eq(
    'select tenant_id, user_id from tenancy.probe_invoker_enrollments',
    format(
        'values (%L::uuid, %L::uuid)', tests.fixture_id('tenant_a'), tests.fixture_id('student')
    ),
    'a security_invoker view shows the student only their own enrollment'
);

set local role none;
select results_eq(
    'select * from tests.views_without_security_invoker()',
    array['tenancy.probe_owner_enrollments'],
    'the catalog check reports the view without security_invoker'
);

-- A set-returning SQL function over a protected table, run through prepared statements by two
-- members of different tenants in one session. The cached plan must not keep the first caller's
-- rows: the helpers are evaluated again at each execution.
select tests.act_as_owner();
create function tenancy.probe_list_enrollments()
returns setof tenancy.enrollments
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
    select * from tenancy.enrollments
$$;
grant execute on function tenancy.probe_list_enrollments() to ilp_app;

set local role none;
prepare probe_function_enrollments as
select
    tenant_id,
    user_id
from tenancy.probe_list_enrollments()
order by 1, 2;
prepare probe_table_enrollments as
select
    tenant_id,
    user_id
from tenancy.enrollments
order by 1, 2;

select tests.act_as('student');
select results_eq(
    'execute probe_function_enrollments',
    format(
        'values (%L::uuid, %L::uuid)', tests.fixture_id('tenant_a'), tests.fixture_id('student')
    ),
    'the prepared function call returns only the student''s enrollment'
);
select results_eq(
    'execute probe_table_enrollments',
    format(
        'values (%L::uuid, %L::uuid)', tests.fixture_id('tenant_a'), tests.fixture_id('student')
    ),
    'the prepared select returns only the student''s enrollment'
);

select tests.act_as('other_tenant_admin');
select results_eq(
    'execute probe_function_enrollments',
    format(
        'values (%L::uuid, %L::uuid)',
        tests.fixture_id('tenant_b'), tests.fixture_id('other_tenant_student')
    ),
    'the same prepared function call returns only tenant B''s enrollment to its admin'
);
select results_eq(
    'execute probe_table_enrollments',
    format(
        'values (%L::uuid, %L::uuid)',
        tests.fixture_id('tenant_b'), tests.fixture_id('other_tenant_student')
    ),
    'the same prepared select returns only tenant B''s enrollment to its admin'
);

select tests.act_as('student');
select results_eq(
    'execute probe_function_enrollments',
    format(
        'values (%L::uuid, %L::uuid)', tests.fixture_id('tenant_a'), tests.fixture_id('student')
    ),
    'the prepared function call returns the student''s enrollment again after the switch back'
);

deallocate probe_function_enrollments;
deallocate probe_table_enrollments;

-- insert ... on conflict aimed at a key of tenant A, by the admin of tenant B.
select tests.act_as('other_tenant_admin');
select throws_ok(
    format(
        $$
        insert into tenancy.classes (tenant_id, id, name) values (%L, %L, 'Taken over')
        on conflict (tenant_id, id) do update set name = excluded.name
        $$,
        tests.fixture_id('tenant_a'), tests.fixture_id('class_1')
    ),
    '42501',
    null,
    'insert on conflict do update aimed at a class of tenant A is rejected'
);
select throws_ok(
    format(
        $$
        insert into tenancy.classes (tenant_id, id, name) values (%L, %L, 'Taken over')
        on conflict (tenant_id, id) do nothing
        $$,
        tests.fixture_id('tenant_a'), tests.fixture_id('class_1')
    ),
    '42501',
    null,
    'insert on conflict do nothing aimed at a class of tenant A is rejected'
);
-- The fixture enrolled the student at now(), the same transaction time, so the key conflicts.
-- The membership trigger runs before the conflict check and cannot see the membership (IL103).
select throws_ok(
    format(
        $$
        insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at)
        values (%L, %L, %L, now())
        on conflict do nothing
        $$,
        tests.fixture_id('tenant_a'), tests.fixture_id('class_1'), tests.fixture_id('student')
    ),
    'IL103',
    null,
    'insert on conflict aimed at the key of an enrollment of tenant A is rejected'
);

-- update ... returning aimed at rows of tenant A, by the admin of tenant B.
select is_empty(
    format(
        $$update tenancy.classes set name = 'Taken over' where tenant_id = %L returning id$$,
        tests.fixture_id('tenant_a')
    ),
    'update returning on the classes of tenant A returns no row to the admin of tenant B'
);
select is_empty(
    format(
        $$update tenancy.tenants set name = 'Taken over' where id = %L returning id$$,
        tests.fixture_id('tenant_a')
    ),
    'update returning on tenant A returns no row to the admin of tenant B'
);
select is_empty(
    format(
        $$
        update tenancy.memberships set role = 'admin'
        where tenant_id = %L and user_id = %L
        returning user_id
        $$,
        tests.fixture_id('tenant_a'), tests.fixture_id('student')
    ),
    'update returning on a membership of tenant A returns no row to the admin of tenant B'
);
select is_empty(
    format(
        $$
        update tenancy.user_profiles set email = 'taken-over@example.org'
        where user_id = %L
        returning user_id
        $$,
        tests.fixture_id('student')
    ),
    'update returning on a profile in tenant A returns no row to the admin of tenant B'
);

-- Moving a row of tenant B into tenant A: tenant_id is not updatable by ilp_app.
select throws_ok(
    format(
        'update tenancy.classes set tenant_id = %L where tenant_id = %L',
        tests.fixture_id('tenant_a'), tests.fixture_id('tenant_b')
    ),
    '42501',
    null,
    'the admin of tenant B cannot move a class into tenant A'
);

-- The admin of tenant A may not write rows into tenant B either.
select tests.act_as('admin');
select throws_ok(
    format(
        $$insert into tenancy.classes (tenant_id, name) values (%L, 'Planted class')$$,
        tests.fixture_id('tenant_b')
    ),
    '42501',
    null,
    'the admin of tenant A cannot insert a class into tenant B'
);

-- Nothing above changed tenant A.
select tests.act_as_owner();
select is(
    (
        select name from tenancy.classes
        where tenant_id = tests.fixture_id('tenant_a') and id = tests.fixture_id('class_1')
    ),
    'Class 1',
    'class_1 of tenant A keeps its name'
);
select is(
    (
        select name from tenancy.tenants
        where id = tests.fixture_id('tenant_a')
    ),
    'Test tenant A',
    'tenant A keeps its name'
);
select is(
    (
        select role from tenancy.memberships
        where tenant_id = tests.fixture_id('tenant_a') and user_id = tests.fixture_id('student')
    ),
    'student'::tenancy.member_role,
    'the student of tenant A keeps the role student'
);

select * from finish();
rollback;
