-- Add tenancy.users (global identities without personal data) and tenancy.user_profiles.
-- depends: 0005_tenancy_tenants
-- Personal data lives only in user_profiles, so erasing a person deletes their profile row while
-- the user id stays valid for memberships, enrollments and history.

create type tenancy.user_status as enum ('active', 'disabled');

comment on type tenancy.user_status is
'Whether a user may sign in anywhere on the platform: active, or disabled by platform support.';

create table tenancy.users (
    id uuid not null default app.uuid_v7(),
    status tenancy.user_status not null default 'active',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_users primary key (id)
);

alter table tenancy.users enable row level security;
alter table tenancy.users force row level security;

comment on table tenancy.users is
'Global identity of a person on the platform, across tenants. Holds no personal data: names and '
'e-mail addresses are in tenancy.user_profiles.';
comment on column tenancy.users.id is
'User id (UUID version 7), the same in every tenant the person belongs to.';
comment on column tenancy.users.status is
'Platform-wide account status; see the type tenancy.user_status.';
comment on column tenancy.users.created_at is
'When the row was inserted.';
comment on column tenancy.users.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

create table tenancy.user_profiles (
    user_id uuid not null,
    full_name text not null,
    email public.citext not null,
    locale text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_user_profiles primary key (user_id),
    -- Deleting a user deletes the profile, so the profile never outlives its identity.
    constraint fk_user_profiles_user_id foreign key (user_id)
    references tenancy.users (id) on delete cascade,
    -- citext makes the unique index ignore case: Ana@School.org and ana@school.org collide.
    constraint unique_user_profiles_email unique (email),
    constraint check_user_profiles_full_name_length check (
        full_name ~ '[^[:space:]]' and char_length(full_name) <= 200
    ),
    constraint check_user_profiles_email_format check (app.is_valid_email(email::text)),
    constraint check_user_profiles_locale_format check (app.is_valid_locale_tag(locale))
);

alter table tenancy.user_profiles enable row level security;
alter table tenancy.user_profiles force row level security;

comment on table tenancy.user_profiles is
'Personal data of a user, one row per user, kept apart from tenancy.users so that erasure '
'under the GDPR deletes this row and leaves the identity and its history in place.';
comment on column tenancy.user_profiles.user_id is
'The user this profile describes.';
comment on column tenancy.user_profiles.full_name is
'Name shown to teachers and classmates: not blank, at most 200 characters.';
comment on column tenancy.user_profiles.email is
'E-mail address, unique ignoring case; checked by app.is_valid_email (a pragmatic pattern).';
comment on column tenancy.user_profiles.locale is
'Preferred locale tag such as fr-FR; null means the default_locale of the tenant being used.';
comment on column tenancy.user_profiles.created_at is
'When the row was inserted.';
comment on column tenancy.user_profiles.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
