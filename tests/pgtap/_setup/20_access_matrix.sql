-- The access matrix: what each actor may do to each table, and the probe statements that check
-- it. tests/pgtap/security/access_matrix.sql runs every cell as that actor.
--
-- Adding a table: add one line per actor below (the matrix test fails while any table of the
-- project schemas has none), and four probes in tests.access_probes aimed at one fixture row.
--
-- allow: the probe reads or changes exactly one row.
-- deny: the probe reads or changes no row, or fails with one of the probe's deny_sqlstates
-- (42501, insufficient privilege or a row-level security violation, unless the probe lists more).

create table tests.access_matrix (
    table_name text not null,
    actor text not null,
    command text not null,
    expected text not null,
    constraint pk_access_matrix primary key (table_name, actor, command),
    constraint check_access_matrix_command check (
        command in ('select', 'insert', 'update', 'delete')
    ),
    constraint check_access_matrix_expected check (expected in ('allow', 'deny'))
);

comment on table tests.access_matrix is
'Expected access of every actor of tests.act_as() to every project table, per command.';

create table tests.access_probes (
    table_name text not null,
    command text not null,
    probe_sql text not null,
    deny_sqlstates text[] not null default '{42501}',
    constraint pk_access_probes primary key (table_name, command),
    constraint check_access_probes_command check (
        command in ('select', 'insert', 'update', 'delete')
    )
);

comment on table tests.access_probes is
'One statement per table and command, aimed at a fixture row of tenant A (the student, class_1), '
'that the access matrix test runs as each actor.';

insert into tests.access_matrix (table_name, actor, command, expected)
select
    m.table_name,
    m.actor,
    c.command,
    c.expected
from (
    values
    -- tenancy.tenants, the row of tenant A: every member reads it, its admin renames it.
    ('tenancy.tenants', 'admin', 'allow', 'deny', 'allow', 'deny'),
    ('tenancy.tenants', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'other_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'other_student', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.tenants', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- tenancy.users, the student's identity: read by the student, the admin and their teacher.
    ('tenancy.users', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.users', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- tenancy.user_profiles, the student's profile: the student also edits it.
    ('tenancy.user_profiles', 'admin', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'student', 'allow', 'deny', 'allow', 'deny'),
    ('tenancy.user_profiles', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.user_profiles', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- tenancy.memberships, the student's membership in tenant A: only the admin changes it.
    ('tenancy.memberships', 'admin', 'allow', 'deny', 'allow', 'deny'),
    ('tenancy.memberships', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.memberships', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- tenancy.classes, class_1: its teacher and students read it, the admin manages it.
    ('tenancy.classes', 'admin', 'allow', 'allow', 'allow', 'deny'),
    ('tenancy.classes', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.classes', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- tenancy.class_teachers, class_teacher's assignment to class_1: the admin manages it.
    ('tenancy.class_teachers', 'admin', 'allow', 'allow', 'allow', 'deny'),
    ('tenancy.class_teachers', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.class_teachers', 'analytics', 'deny', 'deny', 'deny', 'deny'),

    -- tenancy.enrollments, the student in class_1: read by the student and the class teacher.
    ('tenancy.enrollments', 'admin', 'allow', 'allow', 'allow', 'deny'),
    ('tenancy.enrollments', 'class_teacher', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'other_teacher', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'student', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'other_student', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'other_tenant_admin', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'no_context', 'deny', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'operator', 'allow', 'deny', 'deny', 'deny'),
    ('tenancy.enrollments', 'analytics', 'deny', 'deny', 'deny', 'deny')
) as m (table_name, actor, select_expected, insert_expected, update_expected, delete_expected)
cross join lateral (
    values
    ('select', m.select_expected),
    ('insert', m.insert_expected),
    ('update', m.update_expected),
    ('delete', m.delete_expected)
) as c (command, expected);

-- The insert probes of class_teachers and enrollments also accept IL103 as a denial: the trigger
-- tenancy.tg__check_class_membership() runs before the insert policy is checked, and raises
-- IL103 when the actor cannot lock the member's membership row for share.
insert into tests.access_probes (table_name, command, probe_sql, deny_sqlstates)
values
(
    'tenancy.tenants', 'select',
    $$select 1 from tenancy.tenants where id = tests.fixture_id('tenant_a')$$,
    '{42501}'
),
(
    'tenancy.tenants', 'insert',
    $$insert into tenancy.tenants (slug, name) values ('probe-tenant', 'Probe tenant')$$,
    '{42501}'
),
(
    'tenancy.tenants', 'update',
    $$update tenancy.tenants set name = 'Renamed tenant' where id = tests.fixture_id('tenant_a')$$,
    '{42501}'
),
(
    'tenancy.tenants', 'delete',
    $$delete from tenancy.tenants where id = tests.fixture_id('tenant_a')$$,
    '{42501}'
),

(
    'tenancy.users', 'select',
    $$select 1 from tenancy.users where id = tests.fixture_id('student')$$,
    '{42501}'
),
(
    'tenancy.users', 'insert',
    $$insert into tenancy.users default values$$,
    '{42501}'
),
(
    'tenancy.users', 'update',
    $$update tenancy.users set status = 'disabled' where id = tests.fixture_id('student')$$,
    '{42501}'
),
(
    'tenancy.users', 'delete',
    $$delete from tenancy.users where id = tests.fixture_id('student')$$,
    '{42501}'
),

(
    'tenancy.user_profiles', 'select',
    $$select 1 from tenancy.user_profiles where user_id = tests.fixture_id('student')$$,
    '{42501}'
),
(
    'tenancy.user_profiles', 'insert',
    $$
    insert into tenancy.user_profiles (user_id, full_name, email)
    values (tests.fixture_id('newcomer'), 'Newcomer', 'newcomer@example.org')
    $$,
    '{42501}'
),
(
    'tenancy.user_profiles', 'update',
    $$
    update tenancy.user_profiles set locale = 'fr-FR'
    where user_id = tests.fixture_id('student')
    $$,
    '{42501}'
),
(
    'tenancy.user_profiles', 'delete',
    $$delete from tenancy.user_profiles where user_id = tests.fixture_id('student')$$,
    '{42501}'
),

(
    'tenancy.memberships', 'select',
    $$
    select 1 from tenancy.memberships
    where tenant_id = tests.fixture_id('tenant_a') and user_id = tests.fixture_id('student')
    $$,
    '{42501}'
),
(
    'tenancy.memberships', 'insert',
    $$
    insert into tenancy.memberships (tenant_id, user_id, role)
    values (tests.fixture_id('tenant_a'), tests.fixture_id('newcomer'), 'student')
    $$,
    '{42501}'
),
(
    'tenancy.memberships', 'update',
    $$
    update tenancy.memberships set status = 'suspended'
    where tenant_id = tests.fixture_id('tenant_a') and user_id = tests.fixture_id('student')
    $$,
    '{42501}'
),
(
    'tenancy.memberships', 'delete',
    $$
    delete from tenancy.memberships
    where tenant_id = tests.fixture_id('tenant_a') and user_id = tests.fixture_id('student')
    $$,
    '{42501}'
),

(
    'tenancy.classes', 'select',
    $$
    select 1 from tenancy.classes
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.fixture_id('class_1')
    $$,
    '{42501}'
),
(
    'tenancy.classes', 'insert',
    $$
    insert into tenancy.classes (tenant_id, name)
    values (tests.fixture_id('tenant_a'), 'Probe class')
    $$,
    '{42501}'
),
(
    'tenancy.classes', 'update',
    $$
    update tenancy.classes set name = 'Renamed class'
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.fixture_id('class_1')
    $$,
    '{42501}'
),
(
    'tenancy.classes', 'delete',
    $$
    delete from tenancy.classes
    where tenant_id = tests.fixture_id('tenant_a') and id = tests.fixture_id('class_1')
    $$,
    '{42501}'
),

(
    'tenancy.class_teachers', 'select',
    $$
    select 1 from tenancy.class_teachers
    where
        tenant_id = tests.fixture_id('tenant_a')
        and class_id = tests.fixture_id('class_1')
        and user_id = tests.fixture_id('class_teacher')
    $$,
    '{42501}'
),
(
    'tenancy.class_teachers', 'insert',
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id)
    values (
        tests.fixture_id('tenant_a'), tests.fixture_id('class_1'), tests.fixture_id('other_teacher')
    )
    $$,
    '{42501,IL103}'
),
(
    'tenancy.class_teachers', 'update',
    $$
    update tenancy.class_teachers set ended_at = now()
    where
        tenant_id = tests.fixture_id('tenant_a')
        and class_id = tests.fixture_id('class_1')
        and user_id = tests.fixture_id('class_teacher')
    $$,
    '{42501}'
),
(
    'tenancy.class_teachers', 'delete',
    $$
    delete from tenancy.class_teachers
    where
        tenant_id = tests.fixture_id('tenant_a')
        and class_id = tests.fixture_id('class_1')
        and user_id = tests.fixture_id('class_teacher')
    $$,
    '{42501}'
),

(
    'tenancy.enrollments', 'select',
    $$
    select 1 from tenancy.enrollments
    where
        tenant_id = tests.fixture_id('tenant_a')
        and class_id = tests.fixture_id('class_1')
        and user_id = tests.fixture_id('student')
    $$,
    '{42501}'
),
(
    'tenancy.enrollments', 'insert',
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id)
    values (
        tests.fixture_id('tenant_a'), tests.fixture_id('class_1'), tests.fixture_id('other_student')
    )
    $$,
    '{42501,IL103}'
),
(
    'tenancy.enrollments', 'update',
    $$
    update tenancy.enrollments set ended_at = now()
    where
        tenant_id = tests.fixture_id('tenant_a')
        and class_id = tests.fixture_id('class_1')
        and user_id = tests.fixture_id('student')
    $$,
    '{42501}'
),
(
    'tenancy.enrollments', 'delete',
    $$
    delete from tenancy.enrollments
    where
        tenant_id = tests.fixture_id('tenant_a')
        and class_id = tests.fixture_id('class_1')
        and user_id = tests.fixture_id('student')
    $$,
    '{42501}'
);

-- Usage: select tests.run_probe('student', 'tenancy.classes', 'update'); returns allow, deny,
-- or a description of an unexpected outcome (an error with another SQLSTATE, or several rows).
-- The probe runs in a subtransaction that is always rolled back, with the actor's role and
-- context, so it changes nothing and the caller keeps its own role.
-- p_actor may also be owner (ilp_owner), which the suite uses to check that each probe reaches
-- its row.
create or replace function tests.run_probe(p_actor text, p_table text, p_command text)
returns text
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_probe_sql text;
    v_deny_sqlstates text[];
    v_row_count bigint;
    v_sqlstate text;
    v_message text;
begin
    select
        p.probe_sql,
        p.deny_sqlstates
    into v_probe_sql, v_deny_sqlstates
    from tests.access_probes as p
    where
        p.table_name = p_table
        and p.command = p_command;

    if not found then
        return format('no probe for %s on %s', p_command, p_table);
    end if;

    begin
        if p_actor = 'owner' then
            perform tests.act_as_owner();
        else
            perform tests.act_as(p_actor);
        end if;

        execute v_probe_sql;
        get diagnostics v_row_count = row_count;
        -- T0001 only ends the subtransaction: it rolls back the probe's changes and the role.
        raise exception using errcode = 'T0001';
    exception
        when others then
            get stacked diagnostics
                v_sqlstate = returned_sqlstate,
                v_message = message_text;
    end;

    if v_sqlstate <> 'T0001' then
        if v_sqlstate = any(v_deny_sqlstates) then
            return 'deny';
        end if;

        return format('error %s: %s', v_sqlstate, v_message);
    end if;

    return case v_row_count
        when 1 then 'allow'
        when 0 then 'deny'
        else format('%s rows', v_row_count)
    end;
end
$$;

comment on function tests.run_probe(text, text, text) is
'Runs the probe of a table and command as an actor (or owner) and rolls it back; returns allow '
'(one row seen or changed), deny (no row, or an expected SQLSTATE) or the unexpected outcome.';
