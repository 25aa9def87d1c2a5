-- Sign-in lookups the backend calls before app.begin_request(): app.find_tenant_id() and
-- app.list_user_tenants(), run as ilp_app with no request context.
begin;
select plan(9);

select tests.create_fixture();

set local role ilp_app;

select is(
    app.find_tenant_id('test-tenant-a'),
    tests.fixture_id('tenant_a'),
    'find_tenant_id returns the id of an active tenant by slug'
);

select is(
    app.find_tenant_id('TEST-Tenant-A'),
    tests.fixture_id('tenant_a'),
    'find_tenant_id ignores the case of the slug'
);

select is(
    app.find_tenant_id('no-such-school'),
    null::uuid,
    'find_tenant_id returns null for an unknown slug'
);

select results_eq(
    $$
    select tenant_id, member_role::text
    from app.list_user_tenants(tests.fixture_id('student'))
    $$,
    $$ values (tests.fixture_id('tenant_a'), 'student') $$,
    'list_user_tenants returns the student''s one tenant with the role'
);

select is_empty(
    $$ select * from app.list_user_tenants(tests.fixture_id('newcomer')) $$,
    'list_user_tenants returns nothing for a user without memberships'
);

select is(
    (select count(*) from tenancy.tenants),
    0::bigint,
    'control: without a request context ilp_app reads no tenant row directly'
);

reset role;
update tenancy.tenants set status = 'suspended'
where id = tests.fixture_id('tenant_b');
set local role ilp_app;

select is(
    app.find_tenant_id('test-tenant-b'),
    null::uuid,
    'find_tenant_id hides a suspended tenant'
);

select is_empty(
    $$ select * from app.list_user_tenants(tests.fixture_id('other_tenant_student')) $$,
    'list_user_tenants hides memberships of a suspended tenant'
);

reset role;

select is(
    (
        select array_agg(p.proname::text order by p.proname)
        from pg_catalog.pg_proc as p
        where
            p.pronamespace = 'app'::regnamespace
            and p.proname in ('find_tenant_id', 'list_user_tenants')
            and has_function_privilege('public', p.oid, 'execute')
    ),
    null::text[],
    'public cannot execute the sign-in lookups'
);

select * from finish();
rollback;
