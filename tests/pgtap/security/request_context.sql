-- app.begin_request() and the context helpers, as ilp_app: the error of each rejected request,
-- fail-closed helpers, settings written by hand, and the lifetime of the context.
begin;
select plan(40);

select tests.create_fixture();

-- Rows that the rejected requests below need, written as the superuser.
insert into tenancy.tenants (id, slug, name, status)
values ('00000000-0000-4000-8000-00000000000c', 'test-tenant-suspended', 'Suspended', 'suspended');
insert into tenancy.users (id, status)
values ('00000000-0000-4000-8000-0000000000d1', 'disabled');
insert into tenancy.memberships (tenant_id, user_id, role, status, left_at)
values (tests.fixture_id('tenant_a'), tests.fixture_id('newcomer'), 'student', 'left', now());
update tenancy.memberships set status = 'suspended'
where tenant_id = tests.fixture_id('tenant_a') and user_id = tests.fixture_id('other_student');

select tests.act_as('no_context');

-- Without a context every helper returns null.
select is(app.current_tenant_id(), null, 'current_tenant_id() is null without a context');
select is(app.current_user_id(), null, 'current_user_id() is null without a context');
select is(
    app.current_member_role(), null, 'current_member_role() is null without a context'
);
select is(
    app.current_taught_class_ids(), '{}'::uuid[],
    'current_taught_class_ids() is empty without a context'
);
select is(
    app.current_administered_user_ids(), '{}'::uuid[],
    'current_administered_user_ids() is empty without a context'
);

-- A pooled connection keeps a placeholder setting after the transaction that set it: empty.
select set_config('ilp.tenant_id', '', true);
select set_config('ilp.user_id', '', true);
select is(app.current_tenant_id(), null, 'current_tenant_id() is null for empty settings');
select is(app.current_user_id(), null, 'current_user_id() is null for empty settings');

select set_config('ilp.tenant_id', 'not-a-uuid', true);
select set_config('ilp.user_id', '{}', true);
select lives_ok(
    'select app.current_tenant_id(), app.current_user_id(), app.current_member_role()',
    'the helpers raise no error for settings that are not uuids'
);
select is(app.current_tenant_id(), null, 'current_tenant_id() is null for a malformed setting');
select is(
    (select count(*) from tenancy.classes), 0::bigint,
    'malformed settings show no class'
);

select set_config('ilp.tenant_id', tests.fixture_id('tenant_a')::text, true);
select set_config('ilp.user_id', 'not-a-uuid', true);
select is(
    app.current_tenant_id(), null,
    'current_tenant_id() is null when only the user setting is malformed'
);

-- Rejected requests: each has its own SQLSTATE, and none leaves a context behind.
select set_config('ilp.tenant_id', '', true);
select set_config('ilp.user_id', '', true);
select throws_ok(
    format('select app.begin_request(null, %L)', tests.fixture_id('student')),
    'IL001',
    null,
    'begin_request() rejects a null tenant id with IL001'
);
select throws_ok(
    format('select app.begin_request(%L, null)', tests.fixture_id('tenant_a')),
    'IL001',
    null,
    'begin_request() rejects a null user id with IL001'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        '00000000-0000-4000-8000-0000000000ff', tests.fixture_id('student')
    ),
    'IL002',
    null,
    'begin_request() rejects an unknown tenant with IL002'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        '00000000-0000-4000-8000-00000000000c', tests.fixture_id('student')
    ),
    'IL003',
    null,
    'begin_request() rejects a suspended tenant with IL003'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000ee'
    ),
    'IL004',
    null,
    'begin_request() rejects an unknown user with IL004'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        tests.fixture_id('tenant_a'), '00000000-0000-4000-8000-0000000000d1'
    ),
    'IL004',
    null,
    'begin_request() rejects a disabled user with IL004'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        tests.fixture_id('tenant_b'), tests.fixture_id('student')
    ),
    'IL005',
    null,
    'begin_request() rejects a member of tenant A who passes the id of tenant B with IL005'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        tests.fixture_id('tenant_a'), tests.fixture_id('other_student')
    ),
    'IL005',
    null,
    'begin_request() rejects a suspended membership with IL005'
);
select throws_ok(
    format(
        'select app.begin_request(%L, %L)',
        tests.fixture_id('tenant_a'), tests.fixture_id('newcomer')
    ),
    'IL005',
    null,
    'begin_request() rejects a membership that has left with IL005'
);
select is(
    app.current_user_id(), null,
    'no context remains after the rejected requests'
);

-- A valid request.
select is(
    app.begin_request(tests.fixture_id('tenant_a'), tests.fixture_id('student')),
    'student'::tenancy.member_role,
    'begin_request() returns the role of the membership'
);
select is(
    app.current_tenant_id(), tests.fixture_id('tenant_a'),
    'current_tenant_id() returns the tenant of the request'
);
select is(
    app.current_user_id(), tests.fixture_id('student'),
    'current_user_id() returns the user of the request'
);
select is(
    app.current_member_role(), 'student'::tenancy.member_role,
    'current_member_role() returns the role of the membership'
);
select is(
    app.current_enrolled_class_ids(), array[tests.fixture_id('class_1')],
    'current_enrolled_class_ids() returns the class the student attends'
);

-- A role written into a setting changes nothing: the role is read from the membership.
select set_config('ilp.member_role', 'admin', true);
select set_config('ilp.role', 'admin', true);
select is(
    app.current_member_role(), 'student'::tenancy.member_role,
    'a role written into a setting does not change current_member_role()'
);
select is_empty(
    $$update tenancy.tenants set name = 'Renamed' returning id$$,
    'a student with a role setting of admin still cannot rename the tenant'
);

-- Settings written by hand for a real member show exactly what begin_request() shows.
select tests.act_as('no_context');
select set_config('ilp.tenant_id', tests.fixture_id('tenant_a')::text, true);
select set_config('ilp.user_id', tests.fixture_id('student')::text, true);
select results_eq(
    'select table_name, row_count from tests.count_rows_per_table() order by table_name',
    $$
    select t.table_oid::text, tests.count_visible_rows('student', t.table_oid)
    from tests.project_tables() as t (table_oid)
    order by 1
    $$,
    'settings written by hand for the student show every table as begin_request() does'
);
select is(
    app.current_member_role(), 'student'::tenancy.member_role,
    'settings written by hand for the student give the role student'
);

-- Settings written by hand for a pair that is no active membership show nothing.
select set_config('ilp.user_id', tests.fixture_id('other_tenant_admin')::text, true);
select is_empty(
    'select * from tests.count_rows_per_table() where row_count > 0',
    'settings naming tenant A and a member of tenant B show no row of any table'
);
select is(
    app.current_tenant_id(), null,
    'settings naming tenant A and a member of tenant B give no tenant'
);

select set_config('ilp.tenant_id', tests.fixture_id('tenant_b')::text, true);
select set_config('ilp.user_id', tests.fixture_id('student')::text, true);
select is_empty(
    'select * from tests.count_rows_per_table() where row_count > 0',
    'settings naming tenant B and a member of tenant A show no row of any table'
);

select set_config('ilp.tenant_id', tests.fixture_id('tenant_a')::text, true);
select set_config('ilp.user_id', tests.fixture_id('other_student')::text, true);
select is_empty(
    'select * from tests.count_rows_per_table() where row_count > 0',
    'settings naming a suspended membership show no row of any table'
);

-- The membership is re-checked on every statement, so suspending the tenant ends an open context.
select tests.act_as('student');
set local role none;
update tenancy.tenants set status = 'suspended'
where id = tests.fixture_id('tenant_a');
set local role ilp_app;
select is(
    app.current_tenant_id(), null,
    'a context started before its tenant was suspended gives no tenant'
);
set local role none;
update tenancy.tenants set status = 'active'
where id = tests.fixture_id('tenant_a');

-- A second begin_request() in one transaction replaces the first context.
select tests.act_as('student');
select is(
    app.begin_request(tests.fixture_id('tenant_a'), tests.fixture_id('admin')),
    'admin'::tenancy.member_role,
    'a second begin_request() in the same transaction switches to the new member'
);
select is(
    app.current_user_id(), tests.fixture_id('admin'),
    'current_user_id() follows the second begin_request()'
);

-- The context is transaction-local. A function's set clause restores a parameter at exit when
-- the function body set it with is_local = true (SET LOCAL), but not after a session-level set.
-- So begin_request() inside such a function leaves no context behind if and only if it uses
-- transaction-local settings.
set local role none;
create function tests.begin_request_in_scope(p_tenant_id uuid, p_user_id uuid)
returns void
language plpgsql
set "ilp.tenant_id" = ''
set "ilp.user_id" = ''
as $$
begin
    perform app.begin_request(p_tenant_id, p_user_id);
end
$$;
create function tests.set_session_setting_in_scope(p_value text)
returns void
language plpgsql
set "ilp.tenant_id" = ''
as $$
begin
    perform set_config('ilp.tenant_id', p_value, false);
end
$$;
select tests.act_as('no_context');
select tests.begin_request_in_scope(tests.fixture_id('tenant_a'), tests.fixture_id('student'));
select is(
    current_setting('ilp.tenant_id', true), '',
    'begin_request() stores the tenant id for the transaction only'
);
select is(
    current_setting('ilp.user_id', true), '',
    'begin_request() stores the user id for the transaction only'
);
select tests.set_session_setting_in_scope('session-level');
select is(
    current_setting('ilp.tenant_id', true), 'session-level',
    'control: a session-level setting made in the same kind of function outlives it'
);

select * from finish();
rollback;
