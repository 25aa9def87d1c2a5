-- Rules of tenancy.classes: the optional code is unique per tenant without regard to case, and a
-- class belongs to exactly one tenant.
begin;
select plan(11);

insert into tenancy.tenants (id, slug, name) values
('10000000-0000-7000-8000-000000000001', 'lycee-hugo', 'Lycée Victor Hugo'),
('10000000-0000-7000-8000-000000000002', 'college-zola', 'Collège Émile Zola');

insert into tenancy.classes (tenant_id, name, code) values
('10000000-0000-7000-8000-000000000001', '6e B - Mathematics', 'MATH-6B');

select throws_ok(
    $$
    insert into tenancy.classes (tenant_id, name, code) values
    ('10000000-0000-7000-8000-000000000001', 'Another class', 'math-6b')
    $$,
    '23505',
    null,
    'a class code differing from another of the tenant only in case is rejected'
);

select lives_ok(
    $$
    insert into tenancy.classes (tenant_id, name, code) values
    ('10000000-0000-7000-8000-000000000002', '6e B - Mathématiques', 'MATH-6B')
    $$,
    'another tenant can use the same class code'
);

select lives_ok(
    $$
    insert into tenancy.classes (tenant_id, name) values
    ('10000000-0000-7000-8000-000000000001', 'Chess club'),
    ('10000000-0000-7000-8000-000000000001', 'Drama club')
    $$,
    'several classes of one tenant can have no code'
);

select lives_ok(
    $$
    insert into tenancy.classes (tenant_id, name, code) values
    ('10000000-0000-7000-8000-000000000001', 'Year 6 B', '6B'),
    ('10000000-0000-7000-8000-000000000001', 'Physics 101', 'phys_101.a')
    $$,
    'codes of letters, digits, dots, hyphens and underscores are valid'
);

select throws_ok(
    $$
    insert into tenancy.classes (tenant_id, name, code) values
    ('10000000-0000-7000-8000-000000000001', 'Spaced', 'MATH 6B')
    $$,
    '23514',
    null,
    'a class code with a space is rejected'
);

select throws_ok(
    $$
    insert into tenancy.classes (tenant_id, name, code) values
    ('10000000-0000-7000-8000-000000000001', 'Hyphen', '-6B')
    $$,
    '23514',
    null,
    'a class code starting with a hyphen is rejected'
);

select throws_ok(
    format(
        $$
        insert into tenancy.classes (tenant_id, name, code) values
        ('10000000-0000-7000-8000-000000000001', 'Long code', %L)
        $$,
        repeat('C', 33)
    ),
    '23514',
    null,
    'a class code longer than 32 characters is rejected'
);

select throws_ok(
    $$
    insert into tenancy.classes (tenant_id, name) values
    ('10000000-0000-7000-8000-000000000001', '')
    $$,
    '23514',
    null,
    'an empty class name is rejected'
);

select throws_ok(
    $$
    insert into tenancy.classes (tenant_id, name) values
    ('10000000-0000-7000-8000-000000000009', 'Orphan class')
    $$,
    '23503',
    null,
    'a class needs an existing tenant'
);

select ok(
    (
        select bool_and(substr(id::text, 15, 1) = '7')
        from tenancy.classes
    ),
    'class ids default to version-7 UUIDs'
);

select lives_ok(
    $$
    update tenancy.classes
    set archived_at = now()
    where code = 'MATH-6B' and tenant_id = '10000000-0000-7000-8000-000000000001'
    $$,
    'a class can be archived'
);

select * from finish();
rollback;
