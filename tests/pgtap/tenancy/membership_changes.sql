-- Rule: a membership cannot leave, or change to a role that its current class_teachers or
-- enrollments rows do not accept, while such rows are current (ended_at null or in the future).
-- The trigger ends nothing for the caller. Also the consistency of status, left_at and joined_at.
begin;
select plan(22);

-- One school: user 01 is a teacher, 02 a student, 03 an admin; all teach or attend class 6e B.
insert into tenancy.tenants (id, slug, name) values
('10000000-0000-7000-8000-000000000001', 'lycee-hugo', 'Lycée Victor Hugo');

insert into tenancy.users (id)
select ('20000000-0000-7000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid
from generate_series(1, 4) as n;

insert into tenancy.memberships (tenant_id, user_id, role) values
('10000000-0000-7000-8000-000000000001', '20000000-0000-7000-8000-000000000001', 'teacher'),
('10000000-0000-7000-8000-000000000001', '20000000-0000-7000-8000-000000000002', 'student'),
('10000000-0000-7000-8000-000000000001', '20000000-0000-7000-8000-000000000003', 'admin');

insert into tenancy.classes (tenant_id, id, name) values
('10000000-0000-7000-8000-000000000001', '30000000-0000-7000-8000-000000000001', '6e B');

insert into tenancy.class_teachers (tenant_id, class_id, user_id) values
(
    '10000000-0000-7000-8000-000000000001',
    '30000000-0000-7000-8000-000000000001',
    '20000000-0000-7000-8000-000000000001'
),
(
    '10000000-0000-7000-8000-000000000001',
    '30000000-0000-7000-8000-000000000001',
    '20000000-0000-7000-8000-000000000003'
);

insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at) values (
    '10000000-0000-7000-8000-000000000001',
    '30000000-0000-7000-8000-000000000001',
    '20000000-0000-7000-8000-000000000002',
    now() - interval '30 days'
);

-- Leaving

select throws_ok(
    $$
    update tenancy.memberships
    set status = 'left', left_at = now()
    where user_id = '20000000-0000-7000-8000-000000000001'
    $$,
    'IL104',
    null,
    'a teacher with an active class cannot leave'
);

select throws_ok(
    $$
    update tenancy.memberships
    set status = 'left', left_at = now()
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'IL104',
    null,
    'a student with an active enrollment cannot leave'
);

select is(
    (
        select count(*) from tenancy.enrollments
        where
            user_id = '20000000-0000-7000-8000-000000000002'
            and ended_at is null
    ),
    1::bigint,
    'a rejected leave ends no enrollment'
);

-- Suspension is allowed: the member keeps their classes.
select lives_ok(
    $$
    update tenancy.memberships
    set status = 'suspended'
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'a student with an active enrollment can be suspended'
);

select throws_ok(
    $$
    update tenancy.memberships
    set status = 'left', left_at = now()
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'IL104',
    null,
    'a suspended student with an active enrollment cannot leave'
);

update tenancy.enrollments
set ended_at = now()
where user_id = '20000000-0000-7000-8000-000000000002';

select lives_ok(
    $$
    update tenancy.memberships
    set status = 'left', left_at = now()
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'a student whose enrollments have ended can leave'
);

select lives_ok(
    $$
    update tenancy.memberships
    set status = 'active', left_at = null
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'a student who left can rejoin the tenant'
);

select lives_ok(
    $$
    update tenancy.memberships
    set joined_at = joined_at - interval '1 year'
    where user_id = '20000000-0000-7000-8000-000000000001'
    $$,
    'a teacher with an active class can still have joined_at corrected'
);

-- Role changes

select throws_ok(
    $$
    update tenancy.memberships
    set role = 'student'
    where user_id = '20000000-0000-7000-8000-000000000001'
    $$,
    'IL104',
    null,
    'a teacher with an active class cannot become a student'
);

select lives_ok(
    $$
    update tenancy.memberships
    set role = 'admin'
    where user_id = '20000000-0000-7000-8000-000000000001'
    $$,
    'a teacher with an active class can become an admin, who may also teach'
);

select lives_ok(
    $$
    update tenancy.memberships
    set role = 'teacher'
    where user_id = '20000000-0000-7000-8000-000000000003'
    $$,
    'an admin with an active class can become a teacher'
);

insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at) values (
    '10000000-0000-7000-8000-000000000001',
    '30000000-0000-7000-8000-000000000001',
    '20000000-0000-7000-8000-000000000002',
    now()
);

select throws_ok(
    $$
    update tenancy.memberships
    set role = 'teacher'
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'IL104',
    null,
    'a student with an active enrollment cannot become a teacher'
);

select throws_ok(
    $$
    update tenancy.memberships
    set role = 'admin'
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'IL104',
    null,
    'a student with an active enrollment cannot become an admin'
);

-- A period that ends in the future is still current.
update tenancy.enrollments
set ended_at = now() + interval '2 days'
where
    user_id = '20000000-0000-7000-8000-000000000002'
    and ended_at is null;

select throws_ok(
    $$
    update tenancy.memberships
    set role = 'teacher'
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'IL104',
    null,
    'a student whose enrollment ends in the future cannot become a teacher yet'
);

update tenancy.enrollments
set ended_at = now()
where
    user_id = '20000000-0000-7000-8000-000000000002'
    and ended_at > now();

select lives_ok(
    $$
    update tenancy.memberships
    set role = 'teacher'
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'a student whose enrollments have ended can become a teacher'
);

select is(
    (
        select count(*) from tenancy.enrollments
        where user_id = '20000000-0000-7000-8000-000000000002'
    ),
    2::bigint,
    'the ended enrollments of a former student are kept'
);

-- Status, left_at and joined_at

insert into tenancy.memberships (tenant_id, user_id, role) values
('10000000-0000-7000-8000-000000000001', '20000000-0000-7000-8000-000000000004', 'student');

select throws_ok(
    $$
    update tenancy.memberships
    set status = 'left'
    where user_id = '20000000-0000-7000-8000-000000000004'
    $$,
    '23514',
    null,
    'a membership cannot have status left without left_at'
);

select throws_ok(
    $$
    update tenancy.memberships
    set left_at = now()
    where user_id = '20000000-0000-7000-8000-000000000004'
    $$,
    '23514',
    null,
    'an active membership cannot have a left_at'
);

select throws_ok(
    $$
    update tenancy.memberships
    set status = 'left', left_at = joined_at - interval '1 day'
    where user_id = '20000000-0000-7000-8000-000000000004'
    $$,
    '23514',
    null,
    'a membership cannot leave before it joined'
);

select throws_ok(
    $$
    insert into tenancy.memberships (tenant_id, user_id, role) values (
        '10000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000004',
        'teacher'
    )
    $$,
    '23505',
    null,
    'a user has at most one membership per tenant'
);

select throws_ok(
    $$
    insert into tenancy.memberships (tenant_id, user_id, role) values (
        '10000000-0000-7000-8000-000000000009',
        '20000000-0000-7000-8000-000000000004',
        'teacher'
    )
    $$,
    '23503',
    null,
    'a membership needs an existing tenant'
);

select throws_ok(
    $$
    insert into tenancy.memberships (tenant_id, user_id, role) values (
        '10000000-0000-7000-8000-000000000001',
        '20000000-0000-7000-8000-000000000009',
        'teacher'
    )
    $$,
    '23503',
    null,
    'a membership needs an existing user'
);

select * from finish();
rollback;
