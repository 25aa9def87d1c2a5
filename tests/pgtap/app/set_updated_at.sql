-- app.tg__set_updated_at(): updated_at follows every change, and a no-op update keeps it.
begin;
select plan(7);

-- Rows dated a year ago, so that now() differs from their timestamps.
insert into tenancy.tenants (id, slug, name, created_at, updated_at) values (
    '10000000-0000-7000-8000-000000000001', 'lycee-hugo', 'Lycée Victor Hugo',
    now() - interval '1 year', now() - interval '1 year'
);

insert into tenancy.users (id, created_at, updated_at) values (
    '20000000-0000-7000-8000-000000000001', now() - interval '1 year', now() - interval '1 year'
);

insert into tenancy.user_profiles (user_id, full_name, email, created_at, updated_at) values (
    '20000000-0000-7000-8000-000000000001', 'Ana Lima', 'ana@school.example.org',
    now() - interval '1 year', now() - interval '1 year'
);

insert into tenancy.memberships (tenant_id, user_id, role, created_at, updated_at) values (
    '10000000-0000-7000-8000-000000000001', '20000000-0000-7000-8000-000000000001', 'student',
    now() - interval '1 year', now() - interval '1 year'
);

insert into tenancy.classes (tenant_id, id, name, created_at, updated_at) values (
    '10000000-0000-7000-8000-000000000001', '30000000-0000-7000-8000-000000000001', '6e B',
    now() - interval '1 year', now() - interval '1 year'
);

update tenancy.classes set name = name;

select is(
    (select updated_at from tenancy.classes),
    now() - interval '1 year',
    'an update that changes nothing keeps updated_at'
);

update tenancy.tenants set name = 'Lycée Hugo';
update tenancy.users set status = 'disabled';
update tenancy.user_profiles set locale = 'pt-BR';
update tenancy.memberships set status = 'suspended';
update tenancy.classes set name = '6e B - Mathematics';

select is(
    (select updated_at from tenancy.tenants),
    now(),
    'updating a tenant sets its updated_at'
);
select is(
    (select updated_at from tenancy.users),
    now(),
    'updating a user sets its updated_at'
);
select is(
    (select updated_at from tenancy.user_profiles),
    now(),
    'updating a profile sets its updated_at'
);
select is(
    (select updated_at from tenancy.memberships),
    now(),
    'updating a membership sets its updated_at'
);
select is(
    (select updated_at from tenancy.classes),
    now(),
    'updating a class sets its updated_at'
);

select is(
    (select created_at from tenancy.tenants),
    now() - interval '1 year',
    'updating a tenant keeps its created_at'
);

select * from finish();
rollback;
