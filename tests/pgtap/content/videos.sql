-- Videos and their groups: legal and illegal changes of the processing status, the times each
-- change stamps, and reordering positions inside one transaction.
begin;
select plan(25);

select tests.create_fixture();

-- spare_video is uploaded; video is ready. Each step below starts from the state the previous
-- one left.

-- A helper of this file: the statement that moves spare_video to a status, filling in what that
-- status requires (a failure reason, or the metadata of a ready video).
create function pg_temp.set_spare_status_sql(p_status text)
returns text
language sql
immutable
as $$
    select format(
        $sql$
        update content.videos
        set
            processing_status = %L,
            failure_reason = 'Unsupported codec.',
            duration_ms = 45000,
            width = 640,
            height = 360
        where id = tests.content_fixture_id('spare_video')
        $sql$,
        p_status
    )
$$;

select throws_ok(
    pg_temp.set_spare_status_sql('ready'), 'IL200', null, 'uploaded to ready is rejected'
);
select lives_ok(pg_temp.set_spare_status_sql('failed'), 'uploaded to failed is accepted');
select isnt(
    (
        select failed_at from content.videos
        where id = tests.content_fixture_id('spare_video')
    ),
    null,
    'entering failed sets failed_at'
);
select throws_ok(
    pg_temp.set_spare_status_sql('ready'), 'IL200', null, 'failed to ready is rejected'
);
select throws_ok(
    pg_temp.set_spare_status_sql('uploaded'), 'IL200', null, 'failed to uploaded is rejected'
);
select lives_ok(
    pg_temp.set_spare_status_sql('transcoding'), 'failed to transcoding is accepted'
);
select isnt(
    (
        select transcoding_started_at from content.videos
        where id = tests.content_fixture_id('spare_video')
    ),
    null,
    'entering transcoding sets transcoding_started_at'
);
select throws_ok(
    pg_temp.set_spare_status_sql('uploaded'), 'IL200', null, 'transcoding to uploaded is rejected'
);
select lives_ok(pg_temp.set_spare_status_sql('ready'), 'transcoding to ready is accepted');
select isnt(
    (
        select ready_at from content.videos
        where id = tests.content_fixture_id('spare_video')
    ),
    null,
    'entering ready sets ready_at'
);
select throws_ok(
    pg_temp.set_spare_status_sql('failed'), 'IL200', null, 'ready to failed is rejected'
);
select throws_ok(
    pg_temp.set_spare_status_sql('uploaded'), 'IL200', null, 'ready to uploaded is rejected'
);
select lives_ok(
    pg_temp.set_spare_status_sql('transcoding'),
    'ready to transcoding (new renditions) is accepted'
);
select lives_ok(
    pg_temp.set_spare_status_sql('failed'), 'transcoding to failed is accepted'
);

select lives_ok(
    $$
    insert into content.videos (
        tenant_id, lesson_id, video_group_id, position, title, storage_object_id
    )
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.content_fixture_id('spare_group'), 1, 'Fresh upload',
        tests.content_fixture_id('spare_object')
    )
    $$,
    'a new video is inserted as uploaded'
);
select lives_ok(
    $$
    update content.videos set processing_status = 'transcoding'
    where storage_object_id = tests.content_fixture_id('spare_object')
    $$,
    'uploaded to transcoding is accepted'
);

-- Check constraints of the processing state

select throws_ok(
    $$
    update content.videos set failure_reason = null
    where id = tests.content_fixture_id('spare_video')
    $$,
    '23514', null,
    'a failed video without a failure reason is rejected'
);
select throws_ok(
    $$
    update content.videos set duration_ms = null
    where id = tests.content_fixture_id('video')
    $$,
    '23514', null,
    'a ready video without a duration is rejected'
);
select throws_ok(
    $$
    update content.videos set width = null
    where id = tests.content_fixture_id('video')
    $$,
    '23514', null,
    'a video with a height but no width is rejected'
);

-- Positions are unique per group and per lesson, checked at commit when deferred.

select throws_ok(
    $$
    insert into content.video_groups (tenant_id, lesson_id, position)
    values (tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'), 0)
    $$,
    '23505', null,
    'a second group at position 0 of a lesson is rejected'
);

select lives_ok(
    $$
    set constraints content.unique_video_groups_lesson_id_position deferred;
    update content.video_groups set position = 1
    where id = tests.content_fixture_id('group');
    update content.video_groups set position = 0
    where id = tests.content_fixture_id('spare_group');
    set constraints content.unique_video_groups_lesson_id_position immediate;
    $$,
    'two groups swap positions in one transaction with the constraint deferred'
);
select results_eq(
    $$
    select id from content.video_groups
    where lesson_id = tests.content_fixture_id('lesson')
    order by position
    $$,
    array[tests.content_fixture_id('spare_group'), tests.content_fixture_id('group')],
    'the swapped groups are in their new order'
);

select lives_ok(
    $$
    set constraints content.unique_videos_lesson_id_video_group_id_position deferred;
    update content.videos set position = position + 1
    where video_group_id = tests.content_fixture_id('spare_group');
    set constraints content.unique_videos_lesson_id_video_group_id_position immediate;
    $$,
    'shifting every video of a group by one succeeds with the constraint deferred'
);

select throws_ok(
    $$
    update content.videos set video_group_id = tests.content_fixture_id('b_group')
    where id = tests.content_fixture_id('video')
    $$,
    '23503', null,
    'a video cannot move to a group of another lesson'
);

select throws_ok(
    $$
    update content.videos set lesson_id = tests.content_fixture_id('draft_lesson')
    where id = tests.content_fixture_id('spare_video')
    $$,
    '23503', null,
    'a video cannot name a lesson other than its group''s'
);

select * from finish();
rollback;
