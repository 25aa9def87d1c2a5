-- The access matrix of tests/pgtap/_setup/20_access_matrix.sql, checked cell by cell as each
-- actor, plus the checks that keep it complete and its probes meaningful.
begin;
-- The plan grows with the matrix: 4 completeness checks, one assertion per probe (it reaches its
-- row as the owner), one per matrix cell, and one control assertion per table.
select plan(
    4
    + (select count(*)::integer from tests.access_probes)
    + (select count(*)::integer from tests.access_matrix)
    + (select count(distinct table_name)::integer from tests.access_matrix)
);

select tests.create_fixture();

select is_empty(
    $$
    select t.table_oid::text
    from tests.project_tables() as t (table_oid)
    where t.table_oid::text not in (select m.table_name from tests.access_matrix as m)
    $$,
    'every table of the project schemas has rows in the access matrix'
);

select is_empty(
    $$
    select distinct m.table_name
    from tests.access_matrix as m
    where to_regclass(m.table_name) is null
    $$,
    'every table of the access matrix exists'
);

select is_empty(
    $$
    select t.table_name, a.actor, c.command
    from
        (select distinct table_name from tests.access_matrix) as t,
        unnest(array[
            'admin', 'class_teacher', 'other_teacher', 'student', 'other_student',
            'other_tenant_admin', 'no_context', 'operator', 'analytics'
        ]) as a (actor),
        unnest(array['select', 'insert', 'update', 'delete']) as c (command)
    except
    select m.table_name, m.actor, m.command
    from tests.access_matrix as m
    $$,
    'the access matrix has a cell for every table, actor and command'
);

select is_empty(
    $$
    select m.table_name, m.command
    from tests.access_matrix as m
    except
    select p.table_name, p.command
    from tests.access_probes as p
    $$,
    'every table and command of the access matrix has a probe'
);

-- A probe that missed its row would make every deny pass, so each must reach it as the owner.
-- A delete probe also reaches its row when a foreign key of another table stops it (23503).
select
    ok(
        tests.run_probe('owner', p.table_name, p.command) = 'allow'
        or (
            p.command = 'delete'
            and tests.run_probe('owner', p.table_name, p.command) like 'error 23503:%'
        ),
        format('the %s probe of %s reaches its row as the owner', p.command, p.table_name)
    )
from tests.access_probes as p
order by p.table_name, p.command;

select
    is(
        tests.run_probe(m.actor, m.table_name, m.command),
        m.expected,
        format('%s: %s %s', m.table_name, m.actor, m.command)
    )
from tests.access_matrix as m
order by
    m.table_name,
    m.actor,
    array_position(array['select', 'insert', 'update', 'delete'], m.command);

-- Control: row-level security filters these tables, because the owner sees more rows of each.
-- A student without the select privilege on a table counts as seeing no row of it.
select
    cmp_ok(
        tests.count_visible_rows('owner', t.table_name::regclass),
        '>',
        coalesce(tests.count_visible_rows('student', t.table_name::regclass), 0),
        format('the owner sees more rows of %s than the student', t.table_name)
    )
from (select distinct table_name from tests.access_matrix) as t
order by t.table_name;

select * from finish();
rollback;
