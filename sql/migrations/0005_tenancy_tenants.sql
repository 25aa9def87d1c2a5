-- Add tenancy.tenants, one row per school, with its lifecycle status and validated settings.
-- depends: 0004_value_checks

create type tenancy.tenant_status as enum ('active', 'suspended', 'archived');

comment on type tenancy.tenant_status is
'Lifecycle of a tenant: active (in use), suspended (access blocked for now, data kept), '
'archived (closed, data kept for retention).';

-- The settings validator is plpgsql so that each rule is a plain step and an unknown key ends the
-- check early. A check constraint calls it, so it must stay immutable: it reads nothing but its
-- argument.
create function tenancy.is_valid_tenant_settings(p_settings jsonb)
returns boolean
language plpgsql
immutable
strict
parallel safe
security invoker
set search_path = pg_catalog
as $$
declare
    v_key text;
    v_value jsonb;
begin
    if jsonb_typeof(p_settings) <> 'object' then
        return false;
    end if;

    for v_key, v_value in select s.key, s.value from jsonb_each(p_settings) as s loop
        case v_key
            when 'default_locale' then
                if
                    jsonb_typeof(v_value) <> 'string'
                    or not app.is_valid_locale_tag(v_value #>> '{}')
                then
                    return false;
                end if;

            when 'timezone' then
                -- NOTE: only the shape of an IANA zone name is checked (UTC, Area/Location or
                -- Area/Region/Location). Whether the zone exists depends on the server's time zone
                -- database, which an immutable function cannot read.
                if
                    jsonb_typeof(v_value) <> 'string'
                    or (v_value #>> '{}') !~ '^(UTC|[A-Z][A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$'
                then
                    return false;
                end if;

            when 'features' then
                if jsonb_typeof(v_value) <> 'object' then
                    return false;
                end if;

                if exists (
                    select
                    from jsonb_each(v_value) as f
                    where
                        f.key !~ '^[a-z][a-z0-9_]{0,62}$'
                        or jsonb_typeof(f.value) <> 'boolean'
                ) then
                    return false;
                end if;

            else
                return false;
        end case;
    end loop;

    return true;
end
$$;

comment on function tenancy.is_valid_tenant_settings(jsonb) is
'Returns whether a jsonb value is valid tenant settings: an object with only the optional keys '
'default_locale (a locale tag such as fr-FR), timezone (an IANA zone name such as Europe/Paris) '
'and features (an object of snake_case names to booleans). Unknown keys and wrong types are '
'invalid.';

create table tenancy.tenants (
    id uuid not null default app.uuid_v7(),
    slug public.citext not null,
    name text not null,
    status tenancy.tenant_status not null default 'active',
    settings jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_tenants primary key (id),
    constraint unique_tenants_slug unique (slug),
    -- A DNS label: the slug may become a subdomain. Compared as text, because the citext regex
    -- operator ignores case and the slug is stored in lowercase.
    constraint check_tenants_slug_format check (
        slug::text ~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$'
    ),
    constraint check_tenants_name_length check (
        name ~ '[^[:space:]]' and char_length(name) <= 200
    ),
    constraint check_tenants_settings_shape check (tenancy.is_valid_tenant_settings(settings))
);

alter table tenancy.tenants enable row level security;
alter table tenancy.tenants force row level security;

comment on table tenancy.tenants is
'Schools using the platform. Every tenant-owned row carries the id of one of these.';
comment on column tenancy.tenants.id is
'Tenant id (UUID version 7).';
comment on column tenancy.tenants.slug is
'Short name in URLs: 3 to 63 lowercase letters, digits and inner hyphens; unique ignoring case.';
comment on column tenancy.tenants.name is
'Display name of the school: not blank, at most 200 characters.';
comment on column tenancy.tenants.status is
'Lifecycle status; see the type tenancy.tenant_status.';
comment on column tenancy.tenants.settings is
'Tenant settings, all keys optional: {"default_locale": "fr-FR", "timezone": "Europe/Paris", '
'"features": {"<snake_case_name>": true}}. Unknown keys and wrong types are rejected.';
comment on column tenancy.tenants.created_at is
'When the row was inserted.';
comment on column tenancy.tenants.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
