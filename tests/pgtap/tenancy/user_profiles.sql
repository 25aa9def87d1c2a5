-- Rules of tenancy.users and tenancy.user_profiles: valid e-mails unique without regard to case,
-- locale tags, names, and erasure of personal data without losing the identity.
begin;
select plan(17);

insert into tenancy.users (id) values
('20000000-0000-7000-8000-000000000001'),
('20000000-0000-7000-8000-000000000002'),
('20000000-0000-7000-8000-000000000003');

insert into tenancy.user_profiles (user_id, full_name, email, locale) values
('20000000-0000-7000-8000-000000000001', 'Ana Lima', 'Ana.Lima@School.example.org', 'pt-BR');

select is(
    (
        select status::text from tenancy.users
        where id = '20000000-0000-7000-8000-000000000001'
    ),
    'active',
    'a new user is active'
);

select lives_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000002', 'Bruno Diaz', 'bruno@school.example.org'
    )
    $$,
    'a profile without a locale is valid'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000003', 'Ana Copy', 'ana.lima@school.example.org'
    )
    $$,
    '23505',
    null,
    'an e-mail differing from another only in case is rejected'
);

select is(
    (
        select full_name from tenancy.user_profiles
        where email = 'ANA.LIMA@SCHOOL.EXAMPLE.ORG'
    ),
    'Ana Lima',
    'an e-mail lookup ignores case'
);

select is(
    (
        select email::text from tenancy.user_profiles
        where user_id = '20000000-0000-7000-8000-000000000001'
    ),
    'Ana.Lima@School.example.org',
    'an e-mail keeps the case it was written in'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000003', 'Chloé Martin', 'chloe.martin@school'
    )
    $$,
    '23514',
    null,
    'an e-mail without a dotted domain is rejected'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000003', 'Chloé Martin', 'chloe martin@school.example.org'
    )
    $$,
    '23514',
    null,
    'an e-mail with a space is rejected'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email, locale) values (
        '20000000-0000-7000-8000-000000000003', 'Chloé Martin', 'chloe@school.example.org', 'fr_FR'
    )
    $$,
    '23514',
    null,
    'a locale that is not a locale tag is rejected'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000003', ' ', 'chloe@school.example.org'
    )
    $$,
    '23514',
    null,
    'a blank full name is rejected'
);

select throws_ok(
    format(
        $$
        insert into tenancy.user_profiles (user_id, full_name, email) values (
            '20000000-0000-7000-8000-000000000003', %L, 'chloe@school.example.org'
        )
        $$,
        repeat('x', 201)
    ),
    '23514',
    null,
    'a full name longer than 200 characters is rejected'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000009', 'Nobody', 'nobody@school.example.org'
    )
    $$,
    '23503',
    null,
    'a profile needs an existing user'
);

select throws_ok(
    $$
    insert into tenancy.user_profiles (user_id, full_name, email) values (
        '20000000-0000-7000-8000-000000000001', 'Ana Again', 'ana.again@school.example.org'
    )
    $$,
    '23505',
    null,
    'a user has at most one profile'
);

-- Erasure deletes the profile and keeps the identity and its memberships.
insert into tenancy.tenants (id, slug, name) values
('10000000-0000-7000-8000-000000000001', 'lycee-hugo', 'Lycée Victor Hugo');

insert into tenancy.memberships (tenant_id, user_id, role) values
('10000000-0000-7000-8000-000000000001', '20000000-0000-7000-8000-000000000001', 'student');

select lives_ok(
    $$
    delete from tenancy.user_profiles
    where user_id = '20000000-0000-7000-8000-000000000001'
    $$,
    'the profile of a member can be deleted'
);

select is(
    (
        select count(*) from tenancy.memberships
        where user_id = '20000000-0000-7000-8000-000000000001'
    ),
    1::bigint,
    'deleting a profile keeps the user''s memberships'
);

select lives_ok(
    $$delete from tenancy.users where id = '20000000-0000-7000-8000-000000000002'$$,
    'a user without memberships can be deleted'
);

select is_empty(
    $$
    select user_id from tenancy.user_profiles
    where user_id = '20000000-0000-7000-8000-000000000002'
    $$,
    'deleting a user deletes their profile'
);

select throws_ok(
    $$delete from tenancy.users where id = '20000000-0000-7000-8000-000000000001'$$,
    '23503',
    null,
    'a user with a membership cannot be deleted'
);

select * from finish();
rollback;
