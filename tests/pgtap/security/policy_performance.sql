-- The policies evaluate the context helpers once per statement (in an InitPlan), not once per
-- row: checked in the plan and by counting calls while ilp_app reads 5,000 classes.
begin;
select plan(6);

select tests.create_fixture();

insert into tenancy.classes (tenant_id, name)
select
    tests.fixture_id('tenant_a') as tenant_id,
    'Generated class ' || g.n as name
from generate_series(1, 5000) as g (n);

analyze tenancy.classes;

-- Function call statistics of this transaction; only a superuser may change the setting.
set local track_functions = 'all';

create function tests.explain_json(p_query text)
returns jsonb
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_plan jsonb;
begin
    execute 'explain (format json, verbose) ' || p_query into v_plan;
    return v_plan;
end
$$;

create function tests.helper_calls(p_function regprocedure)
returns bigint
language sql
volatile
set search_path = pg_catalog, pg_temp
as $$
    select coalesce(
        (select s.calls from pg_catalog.pg_stat_xact_user_functions as s where s.funcid = p_function),
        0
    )
$$;

select tests.act_as('admin');

create temporary table classes_plan as
select tests.explain_json('select id, name from tenancy.classes') as plan;

select ok(
    (select plan from classes_plan) @? '$.** ? (
        @."Parent Relationship" == "InitPlan" && @."Output"[*] == "app.current_tenant_id()"
    )',
    'the plan of a select on tenancy.classes computes app.current_tenant_id() in an InitPlan'
);

select ok(
    (select plan from classes_plan) @? '$.** ? (
        @."Parent Relationship" == "InitPlan" && @."Output"[*] == "app.current_member_role()"
    )',
    'the plan of a select on tenancy.classes computes app.current_member_role() in an InitPlan'
);

select is_empty(
    $$
    select c.condition
    from
        classes_plan as p,
        jsonb_path_query(
            p.plan, '$.** ? (exists (@."Filter")) ."Filter"'
        ) as c (condition)
    where c.condition::text like '%app.current_%'
    $$,
    'no filter of that plan calls a context helper per row'
);

-- Calls are counted as the superuser, before and after the statement read as the admin.
set local role none;
create temporary table calls_before as
select
    tests.helper_calls('app.current_tenant_id()') as tenant_calls,
    tests.helper_calls('app.current_membership()') as membership_calls;
grant select on calls_before to ilp_app;

select tests.act_as('admin');
select is(
    (select count(*) from tenancy.classes),
    5002::bigint,
    'the admin reads the 5,002 classes of tenant A'
);

set local role none;
-- The three select policies of tenancy.classes each compare tenant_id with the helper, and the
-- planner may merge those identical InitPlans, so 1 to 3 calls are expected rather than 5,002.
select ok(
    tests.helper_calls('app.current_tenant_id()') - (select tenant_calls from calls_before)
    between 1 and 3,
    'reading 5,002 classes calls app.current_tenant_id() once per policy at most'
);

-- current_membership() runs once for each helper InitPlan that is evaluated: at most the tenant
-- id three times, the role once and the two class id arrays.
select ok(
    tests.helper_calls('app.current_membership()') - (select membership_calls from calls_before)
    between 1 and 6,
    'reading 5,002 classes looks up the membership at most six times'
);

select * from finish();
rollback;
