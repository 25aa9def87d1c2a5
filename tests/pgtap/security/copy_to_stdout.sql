-- copy (select ...) to stdout applies the same policies as the select: run as the student over
-- tenant B's enrollments. pgTAP cannot capture COPY output, so the query divides by zero on any
-- row of tenant B it reads. pg_prove runs psql with ON_ERROR_STOP, so a leaked row would stop the
-- file with fewer tests than planned. Without a leaked row the copy prints nothing.
begin;
select plan(3);

select tests.create_fixture();

-- Control: the probe query fails on a row of tenant B when row-level security does not apply.
select throws_ok(
    format(
        'select 1 / (e.tenant_id <> %L)::integer from tenancy.enrollments as e '
        'where e.tenant_id = %L',
        tests.fixture_id('tenant_b'), tests.fixture_id('tenant_b')
    ),
    '22012',
    null,
    'control: the probe query divides by zero on a row of tenant B as the superuser'
);

select tests.act_as('student');

select is(
    (
        select count(*) from tenancy.enrollments
        where tenant_id = tests.fixture_id('tenant_b')
    ),
    0::bigint,
    'the student selects no enrollment of tenant B'
);

copy (
    select 1 / (e.tenant_id <> tests.fixture_id('tenant_b'))::integer as probe
    from tenancy.enrollments as e
    where e.tenant_id = tests.fixture_id('tenant_b')
) to stdout;

select pass('copy (select ...) to stdout as the student reads no enrollment of tenant B');

select * from finish();
rollback;
