-- Add content.storage_objects: Cloud Storage objects that videos, renditions and tracks use.
-- depends: 0020_content_lessons
-- Lock impact: the new foreign key takes a share row exclusive lock on tenancy.tenants until
-- commit, which blocks writes to it while this short migration runs. Nothing existing is
-- rewritten or scanned.

-- The check constraints of content.storage_objects call the two name checks below, so they live
-- in a migration and stay immutable. The rules are those that Cloud Storage documents at
-- https://cloud.google.com/storage/docs/buckets#naming and
-- https://cloud.google.com/storage/docs/objects#naming.
-- NOTE: names with dots may have up to 222 characters in Cloud Storage; this project accepts
-- at most 63 for every bucket name. Cloud Storage also rejects names containing close
-- misspellings of google, which no pattern here detects.
create function content.is_valid_gcs_bucket_name(p_bucket text)
returns boolean
language sql
immutable
strict
parallel safe
security invoker
set search_path = pg_catalog
as $$
    select
        p_bucket ~ '^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$'
        -- An IPv4 address in dotted-decimal notation is not a bucket name.
        and p_bucket !~ '^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$'
        and p_bucket !~ '^goog'
        and p_bucket !~ 'google'
$$;

comment on function content.is_valid_gcs_bucket_name(text) is
'Returns whether a text is a valid Cloud Storage bucket name: 3 to 63 lowercase letters, '
'digits, dashes, underscores and dots, starting and ending with a letter or digit, not an IPv4 '
'address, not starting with goog and not containing google.';

create function content.is_valid_gcs_object_name(p_object_name text)
returns boolean
language sql
immutable
strict
parallel safe
security invoker
set search_path = pg_catalog
as $$
    select
        octet_length(p_object_name) between 1 and 1024
        and strpos(p_object_name, chr(13)) = 0
        and strpos(p_object_name, chr(10)) = 0
        and p_object_name not in ('.', '..')
        and not starts_with(p_object_name, '.well-known/acme-challenge/')
$$;

comment on function content.is_valid_gcs_object_name(text) is
'Returns whether a text is a valid Cloud Storage object name: 1 to 1024 bytes of UTF-8 without '
'carriage return or line feed, not . or .., and not under .well-known/acme-challenge/.';

-- Each referencing table fixes the kind through a generated column in its foreign key, so an
-- object is used by at most one table, and a unique key there makes it used by at most one row.
create type content.storage_object_kind as enum (
    'video_source', 'video_rendition', 'video_text_track'
);

comment on type content.storage_object_kind is
'What a Cloud Storage object is used for: video_source (the uploaded video, content.videos), '
'video_rendition (an encoding, content.video_renditions) or video_text_track (captions or a '
'transcript, content.video_text_tracks).';

create table content.storage_objects (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    kind content.storage_object_kind not null,
    bucket text not null,
    object_name text not null,
    generation bigint not null,
    content_type text not null,
    size_bytes bigint not null,
    crc32c text not null,
    md5_hash text,
    created_at timestamptz not null default now(),
    constraint pk_storage_objects primary key (tenant_id, id),
    constraint fk_storage_objects_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint unique_storage_objects_reference unique (
        tenant_id, bucket, object_name, generation
    ),
    -- Target of the foreign keys that pin the kind of object each table references.
    constraint unique_storage_objects_id_kind unique (tenant_id, id, kind),
    constraint check_storage_objects_bucket_name check (
        content.is_valid_gcs_bucket_name(bucket)
    ),
    constraint check_storage_objects_object_name check (
        content.is_valid_gcs_object_name(object_name)
    ),
    constraint check_storage_objects_generation_positive check (generation > 0),
    -- A media type such as video/mp4 or text/vtt, optionally followed by parameters.
    constraint check_storage_objects_content_type_format check (
        char_length(content_type) <= 255
        and content_type
        ~ '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*( *;.*)?$'
    ),
    constraint check_storage_objects_size_not_negative check (size_bytes >= 0),
    -- Base64 of 4 bytes: 6 characters, the last with its 4 low bits zero, then ==.
    constraint check_storage_objects_crc32c_format check (
        crc32c ~ '^[A-Za-z0-9+/]{5}[AQgw]==$'
    ),
    -- Base64 of 16 bytes: 22 characters, the last with its 4 low bits zero, then ==.
    constraint check_storage_objects_md5_hash_format check (
        md5_hash ~ '^[A-Za-z0-9+/]{21}[AQgw]==$'
    )
);

alter table content.storage_objects enable row level security;
alter table content.storage_objects force row level security;

comment on table content.storage_objects is
'A Cloud Storage object version used by a video, rendition or text track. A reference (bucket, '
'object name, generation) appears at most once per tenant, and each row is used by exactly one '
'row of the table its kind names.';
comment on column content.storage_objects.tenant_id is
'The tenant that owns the object reference.';
comment on column content.storage_objects.id is
'Object reference id (UUID version 7); the key is (tenant_id, id).';
comment on column content.storage_objects.kind is
'Which table uses the object; see the type content.storage_object_kind.';
comment on column content.storage_objects.bucket is
'Cloud Storage bucket name, checked by content.is_valid_gcs_bucket_name().';
comment on column content.storage_objects.object_name is
'Cloud Storage object name, checked by content.is_valid_gcs_object_name().';
comment on column content.storage_objects.generation is
'Cloud Storage generation of the object (a positive 64-bit number), which identifies one '
'version of the object.';
comment on column content.storage_objects.content_type is
'Media type that Cloud Storage reports, such as video/mp4 or text/vtt.';
comment on column content.storage_objects.size_bytes is
'Object size in bytes, as Cloud Storage reports it.';
comment on column content.storage_objects.crc32c is
'CRC32C checksum that Cloud Storage reports: base64 of 4 bytes, big-endian, such as AAAAAA==.';
comment on column content.storage_objects.md5_hash is
'MD5 hash that Cloud Storage reports: base64 of 16 bytes. Null for composite objects, which '
'Cloud Storage stores without an MD5 hash.';
comment on column content.storage_objects.created_at is
'When the row was inserted.';
