-- Cloud Storage object references: the naming rules of buckets and objects, the checksum
-- shapes, and the uniqueness of a reference within a tenant and across the tables that use it.
begin;
select plan(54);

select tests.create_fixture();

-- Bucket names: valid

select ok(content.is_valid_gcs_bucket_name('abc'), 'bucket name of 3 characters is valid');
select ok(
    content.is_valid_gcs_bucket_name(repeat('a', 63)), 'bucket name of 63 characters is valid'
);
select ok(
    content.is_valid_gcs_bucket_name('ilp-media_2026.eu'),
    'bucket name with dashes, underscores, dots and digits is valid'
);
select ok(
    content.is_valid_gcs_bucket_name('0media9'), 'bucket name may start and end with a digit'
);

-- Bucket names: invalid, one rule each

select ok(not content.is_valid_gcs_bucket_name('ab'), 'bucket name of 2 characters is invalid');
select ok(
    not content.is_valid_gcs_bucket_name(repeat('a', 64)),
    'bucket name of 64 characters is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('Media-Bucket'), 'bucket name with capitals is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('media bucket'), 'bucket name with a space is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('media@bucket'), 'bucket name with an @ is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('-media'), 'bucket name starting with a dash is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('media_'),
    'bucket name ending with an underscore is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('.media'), 'bucket name starting with a dot is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('192.168.5.4'),
    'bucket name in IPv4 dotted-decimal form is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('goog-media'),
    'bucket name starting with goog is invalid'
);
select ok(
    not content.is_valid_gcs_bucket_name('my-google-media'),
    'bucket name containing google is invalid'
);

-- Object names

select ok(
    content.is_valid_gcs_object_name('videos/lesson 1/intro.mp4'),
    'object name with slashes and spaces is valid'
);
select ok(content.is_valid_gcs_object_name('a'), 'object name of 1 byte is valid');
select ok(
    content.is_valid_gcs_object_name(repeat('a', 1024)), 'object name of 1024 bytes is valid'
);
select ok(
    content.is_valid_gcs_object_name(repeat('é', 512)),
    'object name of 512 two-byte characters (1024 bytes) is valid'
);
select ok(not content.is_valid_gcs_object_name(''), 'empty object name is invalid');
select ok(
    not content.is_valid_gcs_object_name(repeat('a', 1025)),
    'object name of 1025 bytes is invalid'
);
select ok(
    not content.is_valid_gcs_object_name(repeat('é', 513)),
    'object name of 513 characters but 1026 bytes is invalid'
);
select ok(
    not content.is_valid_gcs_object_name('videos/intro' || chr(13) || '.mp4'),
    'object name with a carriage return is invalid'
);
select ok(
    not content.is_valid_gcs_object_name('videos/intro' || chr(10) || '.mp4'),
    'object name with a line feed is invalid'
);
select ok(not content.is_valid_gcs_object_name('.'), 'object name . is invalid');
select ok(not content.is_valid_gcs_object_name('..'), 'object name .. is invalid');
select ok(
    not content.is_valid_gcs_object_name('.well-known/acme-challenge/token'),
    'object name under .well-known/acme-challenge/ is invalid'
);

-- The table applies the rules and the checksum shapes. Each insert below differs from a valid
-- row in one column.

prepare insert_object (text, text, bigint, text, bigint, text, text) as
insert into content.storage_objects (
    tenant_id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c, md5_hash
)
values (tests.fixture_id('tenant_a'), 'video_source', $1, $2, $3, $4, $5, $6, $7);

select lives_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/valid.mp4', 1, 'video/mp4', 10, 'yZRlqg==',
        'XUFAKrxLKna5cZ2REBfFkg=='
    )$$,
    'storage object with valid values is accepted'
);
select lives_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/composite.mp4', 1, 'video/mp4', 10, 'AAAAAA==', null
    )$$,
    'storage object without an MD5 hash (a composite object) is accepted'
);
select throws_ok(
    $$execute insert_object(
        'Ilp-Media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAA==', null
    )$$,
    '23514', null,
    'storage object with an invalid bucket name is rejected'
);
select throws_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/a' || chr(10) || '.mp4', 1, 'video/mp4', 10, 'AAAAAA==', null
    )$$,
    '23514', null,
    'storage object with an invalid object name is rejected'
);
select throws_ok(
    $$execute insert_object('ilp-media', 'uploads/a.mp4', 0, 'video/mp4', 10, 'AAAAAA==', null)$$,
    '23514', null,
    'storage object with generation 0 is rejected'
);
select throws_ok(
    $$execute insert_object('ilp-media', 'uploads/a.mp4', 1, 'video/mp4', -1, 'AAAAAA==', null)$$,
    '23514', null,
    'storage object with a negative size is rejected'
);
select throws_ok(
    $$execute insert_object('ilp-media', 'uploads/a.mp4', 1, 'mp4', 10, 'AAAAAA==', null)$$,
    '23514', null,
    'storage object with a content type that is not type/subtype is rejected'
);
select throws_ok(
    $$execute insert_object('ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAA', null)$$,
    '23514', null,
    'crc32c without base64 padding is rejected'
);
select throws_ok(
    $$execute insert_object('ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAAA=', null)$$,
    '23514', null,
    'crc32c that is base64 of 5 bytes is rejected'
);
select throws_ok(
    $$execute insert_object('ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAB==', null)$$,
    '23514', null,
    'crc32c whose last character carries bits beyond 4 bytes is rejected'
);
select throws_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, '0b66f7d5', null
    )$$,
    '23514', null,
    'crc32c written in hex is rejected'
);
select throws_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAA==',
        'd41d8cd98f00b204e9800998ecf8427e'
    )$$,
    '23514', null,
    'md5 hash written in hex is rejected'
);
select throws_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAA==', '1B2M2Y8AsgTpgAmY7PhCfg'
    )$$,
    '23514', null,
    'md5 hash without base64 padding is rejected'
);
select throws_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/a.mp4', 1, 'video/mp4', 10, 'AAAAAA==', '1B2M2Y8AsgTpgAmY7PhCfh=='
    )$$,
    '23514', null,
    'md5 hash whose last character carries bits beyond 16 bytes is rejected'
);

-- Uniqueness of a reference (bucket, object name, generation)

select throws_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/valid.mp4', 1, 'video/mp4', 99, 'AAAAAA==', null
    )$$,
    '23505', null,
    'the same bucket, object name and generation twice in one tenant is rejected'
);
select lives_ok(
    $$execute insert_object(
        'ilp-media', 'uploads/valid.mp4', 2, 'video/mp4', 99, 'AAAAAA==', null
    )$$,
    'another generation of the same object in the same tenant is accepted'
);
select lives_ok(
    $$
    insert into content.storage_objects (
        tenant_id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c
    )
    values (
        tests.fixture_id('tenant_b'), 'video_source', 'ilp-media', 'uploads/valid.mp4', 1,
        'video/mp4', 10, 'AAAAAA=='
    )
    $$,
    'the same reference in another tenant is accepted'
);
select throws_ok(
    $$
    insert into content.storage_objects (
        tenant_id, kind, bucket, object_name, generation, content_type, size_bytes, crc32c
    )
    values (
        tests.fixture_id('tenant_a'), 'video_rendition', 'ilp-media', 'uploads/valid.mp4', 1,
        'video/mp4', 10, 'AAAAAA=='
    )
    $$,
    '23505', null,
    'the same reference registered for a rendition of the same tenant is rejected'
);

-- A row of one kind is used by one row of one table.

select throws_ok(
    format(
        $$
        insert into content.videos (
            tenant_id, lesson_id, video_group_id, position, title, storage_object_id
        )
        values (%L, %L, %L, 9, 'Second use', %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('group'), tests.content_fixture_id('video_object')
    ),
    '23505', null,
    'a second video using the same source object is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.videos (
            tenant_id, lesson_id, video_group_id, position, title, storage_object_id
        )
        values (%L, %L, %L, 9, 'Wrong kind', %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('group'), tests.content_fixture_id('spare_rendition_object')
    ),
    '23503', null,
    'a video using a rendition object is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.video_renditions (
            tenant_id, video_id, profile, storage_object_id, width, height, bitrate_bps
        )
        values (%L, %L, '480p-h264', %L, 854, 480, 1000000)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.content_fixture_id('video_object')
    ),
    '23503', null,
    'a rendition using a video source object is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.video_text_tracks (
            tenant_id, video_id, kind, language, storage_object_id
        )
        values (%L, %L, 'captions', 'de', %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.content_fixture_id('rendition_object')
    ),
    '23503', null,
    'a text track using a rendition object is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.video_text_tracks (
            tenant_id, video_id, kind, language, storage_object_id
        )
        values (%L, %L, 'captions', 'de', %L)
        $$,
        tests.fixture_id('tenant_b'), tests.content_fixture_id('b_video'),
        tests.content_fixture_id('spare_track_object')
    ),
    '23503', null,
    'a text track using another tenant''s object is rejected'
);
select throws_ok(
    format(
        $$
        delete from content.storage_objects
        where tenant_id = %L and id = %L
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video_object')
    ),
    '23503', null,
    'deleting an object that a video uses is rejected'
);

-- Renditions and tracks: one per profile, one per kind and language.

select throws_ok(
    format(
        $$
        insert into content.video_renditions (
            tenant_id, video_id, profile, storage_object_id, width, height, bitrate_bps
        )
        values (%L, %L, '720p-h264', %L, 1280, 720, 2500000)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.content_fixture_id('spare_rendition_object')
    ),
    '23505', null,
    'a second rendition of a video for the same profile is rejected'
);
select throws_ok(
    format(
        $$
        insert into content.video_text_tracks (
            tenant_id, video_id, kind, language, storage_object_id
        )
        values (%L, %L, 'transcript', 'en', %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.content_fixture_id('spare_track_object')
    ),
    '23505', null,
    'a second English transcript of a video is rejected'
);
select lives_ok(
    format(
        $$
        insert into content.video_text_tracks (
            tenant_id, video_id, kind, language, storage_object_id
        )
        values (%L, %L, 'captions', 'en', %L)
        $$,
        tests.fixture_id('tenant_a'), tests.content_fixture_id('video'),
        tests.content_fixture_id('spare_track_object')
    ),
    'English captions beside the English transcript are accepted'
);

select * from finish();
rollback;
