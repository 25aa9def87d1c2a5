-- Rule: a class_teachers row that becomes current (ended_at null or in the future) needs an active
-- teacher or admin member of the class's tenant, and an enrollments row that becomes current needs
-- an active student member. The rows keep history: one user's periods in one class never overlap.
begin;
select plan(35);

-- Two schools. Users 01-08 belong to Lycée Hugo, user 09 only to Collège Zola, user 10 to none.
insert into tenancy.tenants (id, slug, name) values
('10000000-0000-7000-8000-000000000001', 'lycee-hugo', 'Lycée Victor Hugo'),
('10000000-0000-7000-8000-000000000002', 'college-zola', 'Collège Émile Zola');

insert into tenancy.users (id)
select ('20000000-0000-7000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid
from generate_series(1, 10) as n;

insert into tenancy.memberships (tenant_id, user_id, role, status, left_at)
select
    ('10000000-0000-7000-8000-00000000000' || m.tenant_number)::uuid as tenant_id,
    ('20000000-0000-7000-8000-0000000000' || lpad(m.user_number::text, 2, '0'))::uuid as user_id,
    m.role::tenancy.member_role as role,
    m.status::tenancy.membership_status as status,
    case when m.status = 'left' then now() end as left_at
from (
    values
    (1, 1, 'admin', 'active'),
    (1, 2, 'teacher', 'active'),
    (1, 3, 'student', 'active'),
    (1, 4, 'teacher', 'suspended'),
    (1, 5, 'teacher', 'left'),
    (1, 6, 'student', 'suspended'),
    (1, 7, 'student', 'left'),
    (1, 8, 'teacher', 'active'),
    (2, 9, 'teacher', 'active')
) as m (tenant_number, user_number, role, status);

insert into tenancy.classes (tenant_id, id, name) values
('10000000-0000-7000-8000-000000000001', '30000000-0000-7000-8000-000000000001', '6e B'),
('10000000-0000-7000-8000-000000000002', '30000000-0000-7000-8000-000000000002', '5e A');

-- Class teachers

select lives_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000002'
    )
    $$,
    'an active teacher member can teach a class of the tenant'
);

select lives_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000001'
    )
    $$,
    'an active admin member can teach a class of the tenant'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000003'
    )
    $$,
    'IL101',
    null,
    'a student member cannot teach a class'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000004'
    )
    $$,
    'IL102',
    null,
    'a suspended teacher cannot be given a class'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000005'
    )
    $$,
    'IL102',
    null,
    'a teacher who left cannot be given a class'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000009'
    )
    $$,
    'IL103',
    null,
    'a teacher of another tenant cannot teach a class of this tenant'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000010'
    )
    $$,
    'IL103',
    null,
    'a user without any membership cannot teach a class'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000002',
        '20000000-0000-7000-8000-000000000002'
    )
    $$,
    '23503',
    null,
    'a class_teachers row cannot pair a membership with a class of another tenant'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id, assigned_at) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000002',
        now() + interval '1 day'
    )
    $$,
    '23P01',
    null,
    'a teacher cannot have two overlapping periods in one class'
);

select throws_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id, assigned_at, ended_at)
    values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000008',
        now(),
        now() - interval '1 day'
    )
    $$,
    '23514',
    null,
    'a teaching period cannot end before it starts'
);

-- The trigger locks the membership for share, which blocks a concurrent update of its status or
-- role (for key share would not). pgrowlocks shows the row lock this transaction holds.
create extension if not exists pgrowlocks;

select is(
    (
        select locks.modes
        from
            tenancy.memberships as m,
            pgrowlocks('tenancy.memberships') as locks
        where
            m.ctid = locks.locked_row
            and m.user_id = '20000000-0000-7000-8000-000000000002'
    ),
    array['For Share'],
    'assigning a teacher locks their membership row for share'
);

-- History: a period ends, and a later one starts.
update tenancy.class_teachers
set ended_at = now() + interval '1 day'
where user_id = '20000000-0000-7000-8000-000000000002';

select lives_ok(
    $$
    insert into tenancy.class_teachers (tenant_id, class_id, user_id, assigned_at) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000002',
        now() + interval '2 days'
    )
    $$,
    'a teacher can teach a class again after the earlier period ended'
);

select is(
    (
        select count(*) from tenancy.class_teachers
        where user_id = '20000000-0000-7000-8000-000000000002'
    ),
    2::bigint,
    'both teaching periods are kept'
);

-- A member suspended while teaching keeps the class, and the row can still be ended, but not
-- reopened while the membership is suspended.
insert into tenancy.class_teachers (tenant_id, class_id, user_id) values (
    '10000000-0000-7000-8000-000000000001',
    '30000000-0000-7000-8000-000000000001',
    '20000000-0000-7000-8000-000000000008'
);

update tenancy.memberships
set status = 'suspended'
where user_id = '20000000-0000-7000-8000-000000000008';

select lives_ok(
    $$
    update tenancy.class_teachers
    set assigned_at = assigned_at - interval '1 hour'
    where user_id = '20000000-0000-7000-8000-000000000008'
    $$,
    'a current teaching row of a suspended member can still be updated'
);

select lives_ok(
    $$
    update tenancy.class_teachers
    set ended_at = now()
    where user_id = '20000000-0000-7000-8000-000000000008'
    $$,
    'a teaching row of a suspended member can be ended'
);

select throws_ok(
    $$
    update tenancy.class_teachers
    set ended_at = null
    where user_id = '20000000-0000-7000-8000-000000000008'
    $$,
    'IL102',
    null,
    'an ended teaching row cannot be reopened while the member is suspended'
);

select throws_ok(
    $$
    update tenancy.class_teachers
    set user_id = '20000000-0000-7000-8000-000000000003'
    where
        user_id = '20000000-0000-7000-8000-000000000001'
    $$,
    'IL101',
    null,
    'a current teaching row cannot be moved to a student member'
);

-- Enrollments

select lives_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000003'
    )
    $$,
    'an active student member can enroll in a class of the tenant'
);

select is(
    (
        select locks.modes
        from
            tenancy.memberships as m,
            pgrowlocks('tenancy.memberships') as locks
        where
            m.ctid = locks.locked_row
            and m.user_id = '20000000-0000-7000-8000-000000000003'
    ),
    array['For Share'],
    'enrolling a student locks their membership row for share'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000002'
    )
    $$,
    'IL101',
    null,
    'a teacher member cannot enroll as a student'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000001'
    )
    $$,
    'IL101',
    null,
    'an admin member cannot enroll as a student'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000006'
    )
    $$,
    'IL102',
    null,
    'a suspended student cannot be enrolled'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000007'
    )
    $$,
    'IL102',
    null,
    'a student who left cannot be enrolled'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000002',
        '30000000-0000-7000-8000-000000000002',
        '20000000-0000-7000-8000-000000000003'
    )
    $$,
    'IL103',
    null,
    'a student of another tenant cannot enroll in a class of this tenant'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000010'
    )
    $$,
    'IL103',
    null,
    'a user without any membership cannot enroll'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000002',
        '20000000-0000-7000-8000-000000000003'
    )
    $$,
    '23503',
    null,
    'an enrollment cannot pair a membership with a class of another tenant'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000003',
        now() - interval '1 day'
    )
    $$,
    '23P01',
    null,
    'a student cannot have two overlapping enrollments in one class'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at, ended_at)
    values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000003',
        now() - interval '10 days',
        now() - interval '20 days'
    )
    $$,
    '23514',
    null,
    'an enrollment cannot end before it starts'
);

select lives_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at, ended_at)
    values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000007',
        now() - interval '300 days',
        now() - interval '200 days'
    )
    $$,
    'an ended enrollment of a student who left can be recorded as history'
);

select throws_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at, ended_at)
    values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000007',
        now() - interval '10 days',
        now() + interval '10 days'
    )
    $$,
    'IL102',
    null,
    'an enrollment that ends in the future is current, so a student who left cannot get one'
);

update tenancy.enrollments
set ended_at = now()
where
    user_id = '20000000-0000-7000-8000-000000000003'
    and ended_at is null;

select lives_ok(
    $$
    insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at) values (
        '10000000-0000-7000-8000-000000000001',
        '30000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000003',
        now() + interval '1 day'
    )
    $$,
    'a student can enroll again after the earlier enrollment ended'
);

select is(
    (
        select count(*) from tenancy.enrollments
        where user_id = '20000000-0000-7000-8000-000000000003'
    ),
    2::bigint,
    'both enrollment periods are kept'
);

select throws_ok(
    $$
    delete from tenancy.memberships
    where user_id = '20000000-0000-7000-8000-000000000003'
    $$,
    '23503',
    null,
    'a membership with enrollment history cannot be deleted'
);

select throws_ok(
    $$
    delete from tenancy.classes
    where id = '30000000-0000-7000-8000-000000000001'
    $$,
    '23503',
    null,
    'a class with teaching or enrollment history cannot be deleted'
);

select throws_ok(
    $$
    update tenancy.enrollments
    set ended_at = null
    where
        user_id = '20000000-0000-7000-8000-000000000007'
    $$,
    'IL102',
    null,
    'an ended enrollment of a student who left cannot be reopened'
);

select * from finish();
rollback;
