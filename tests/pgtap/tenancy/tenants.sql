-- Rules of tenancy.tenants: the slug, the name, the status and the settings shape.
begin;
select plan(29);

insert into tenancy.tenants (id, slug, name) values
('10000000-0000-7000-8000-000000000001', 'lycee-hugo', 'Lycée Victor Hugo');

-- Slug

select lives_ok(
    $$insert into tenancy.tenants (slug, name) values ('ecole-42', 'École 42')$$,
    'a slug of lowercase letters, digits and inner hyphens is valid'
);

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('LYCEE-HUGO', 'Copy')$$,
    '23514',
    null,
    'a slug with upper-case letters is rejected'
);

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('Lycee-Hugo', 'Copy')$$,
    '23514',
    null,
    'a slug differing from another only in case is rejected'
);

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('lycee-hugo', 'Copy')$$,
    '23505',
    null,
    'two tenants cannot share a slug'
);

select is(
    (
        select name from tenancy.tenants
        where slug = 'LYCEE-Hugo'
    ),
    'Lycée Victor Hugo',
    'a slug lookup ignores case'
);

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('ab', 'Too short')$$,
    '23514',
    null,
    'a slug shorter than 3 characters is rejected'
);

select throws_ok(
    format(
        $$insert into tenancy.tenants (slug, name) values (%L, 'Too long')$$, repeat('a', 64)
    ),
    '23514',
    null,
    'a slug longer than 63 characters is rejected'
);

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('-hugo', 'Leading hyphen')$$,
    '23514',
    null,
    'a slug starting with a hyphen is rejected'
);

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('lycée-hugo', 'Accent')$$,
    '23514',
    null,
    'a slug with a non-ASCII letter is rejected'
);

-- Name and status

select throws_ok(
    $$insert into tenancy.tenants (slug, name) values ('blank-name', '  ')$$,
    '23514',
    null,
    'a blank tenant name is rejected'
);

select throws_ok(
    format(
        $$insert into tenancy.tenants (slug, name) values ('long-name', %L)$$, repeat('n', 201)
    ),
    '23514',
    null,
    'a tenant name longer than 200 characters is rejected'
);

select is(
    (
        select status::text from tenancy.tenants
        where slug = 'lycee-hugo'
    ),
    'active',
    'a new tenant is active'
);

select throws_ok(
    $$update tenancy.tenants set status = 'deleted' where slug = 'lycee-hugo'$$,
    '22P02',
    null,
    'a status outside tenancy.tenant_status is rejected'
);

select is(
    (
        select settings from tenancy.tenants
        where slug = 'lycee-hugo'
    ),
    '{}'::jsonb,
    'a new tenant has empty settings'
);

-- Settings

select lives_ok(
    $$
    update tenancy.tenants
    set settings = '{
        "default_locale": "fr-FR",
        "timezone": "Europe/Paris",
        "features": {"video_lessons": true, "peer_review": false}
    }'
    where slug = 'lycee-hugo'
    $$,
    'settings with every documented key are valid'
);

select lives_ok(
    $$
    update tenancy.tenants
    set settings = '{"timezone": "America/Argentina/Buenos_Aires"}'
    where slug = 'lycee-hugo'
    $$,
    'settings with a three-part zone name are valid'
);

select lives_ok(
    $$update tenancy.tenants set settings = '{"timezone": "UTC"}' where slug = 'lycee-hugo'$$,
    'settings with the UTC zone are valid'
);

select lives_ok(
    $$update tenancy.tenants set settings = '{"features": {}}' where slug = 'lycee-hugo'$$,
    'settings with no feature flags are valid'
);

select throws_ok(
    $$update tenancy.tenants set settings = '[]' where slug = 'lycee-hugo'$$,
    '23514',
    null,
    'settings that are not an object are rejected'
);

select throws_ok(
    $$update tenancy.tenants set settings = '{"colour": "blue"}' where slug = 'lycee-hugo'$$,
    '23514',
    null,
    'settings with an unknown key are rejected'
);

select throws_ok(
    $$update tenancy.tenants set settings = '{"default_locale": 1}' where slug = 'lycee-hugo'$$,
    '23514',
    null,
    'a default_locale that is not a string is rejected'
);

select throws_ok(
    $$
    update tenancy.tenants set settings = '{"default_locale": "french"}'
    where slug = 'lycee-hugo'
    $$,
    '23514',
    null,
    'a default_locale that is not a locale tag is rejected'
);

select throws_ok(
    $$
    update tenancy.tenants set settings = '{"default_locale": null}'
    where slug = 'lycee-hugo'
    $$,
    '23514',
    null,
    'a default_locale of JSON null is rejected'
);

select throws_ok(
    $$update tenancy.tenants set settings = '{"timezone": 1}' where slug = 'lycee-hugo'$$,
    '23514',
    null,
    'a timezone that is not a string is rejected'
);

select throws_ok(
    $$update tenancy.tenants set settings = '{"timezone": "paris"}' where slug = 'lycee-hugo'$$,
    '23514',
    null,
    'a timezone that is not shaped like an IANA zone name is rejected'
);

select throws_ok(
    $$
    update tenancy.tenants set settings = '{"features": ["video_lessons"]}'
    where slug = 'lycee-hugo'
    $$,
    '23514',
    null,
    'features that are not an object are rejected'
);

select throws_ok(
    $$
    update tenancy.tenants set settings = '{"features": {"video_lessons": "yes"}}'
    where slug = 'lycee-hugo'
    $$,
    '23514',
    null,
    'a feature flag that is not a boolean is rejected'
);

select throws_ok(
    $$
    update tenancy.tenants set settings = '{"features": {"Video Lessons": true}}'
    where slug = 'lycee-hugo'
    $$,
    '23514',
    null,
    'a feature name that is not snake_case is rejected'
);

select volatility_is(
    'tenancy', 'is_valid_tenant_settings', array['jsonb']::name[], 'immutable',
    'tenancy.is_valid_tenant_settings() is immutable, as its check constraint requires'
);

select * from finish();
rollback;
