-- Add the immutable value checks that check constraints share: e-mail addresses and locale tags.
-- depends: 0003_uuid_v7
-- They live in a migration because check constraints depend on them.

-- NOTE: the pattern is pragmatic, not RFC 5321: it accepts ASCII addresses of the form
-- local@domain with dot-separated atoms on the left and at least two DNS labels on the right,
-- and rejects quoted local parts, IP-literal domains and internationalized (non-ASCII) addresses.
create function app.is_valid_email(p_email text)
returns boolean
language sql
immutable
strict
parallel safe
security invoker
set search_path = pg_catalog
as $$
    select
        octet_length(p_email) <= 254
        and octet_length(split_part(p_email, '@', 1)) <= 64
        and p_email ~ (
            '^[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
            '@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
            '(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'
        )
$$;

comment on function app.is_valid_email(text) is
'Returns whether a text is a plausible e-mail address (a pragmatic pattern, not RFC 5321): '
'ASCII dot-atoms before the @, at least two DNS labels after it, at most 254 bytes.';

-- A subset of BCP 47 (RFC 5646) in its canonical case: a 2- or 3-letter language, an optional
-- 4-letter script and an optional region of 2 letters or 3 digits, for example en, fr-FR,
-- zh-Hant-TW or es-419. Variants and extensions are not accepted.
create function app.is_valid_locale_tag(p_locale text)
returns boolean
language sql
immutable
strict
parallel safe
security invoker
set search_path = pg_catalog
as $$
    select p_locale ~ '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$'
$$;

comment on function app.is_valid_locale_tag(text) is
'Returns whether a text is a locale tag of the form language[-Script][-REGION] in canonical case '
'(a subset of BCP 47), for example en, fr-FR, zh-Hant-TW or es-419.';
