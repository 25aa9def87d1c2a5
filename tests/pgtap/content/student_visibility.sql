-- What a student sees: approved versions of the questions in published lessons assigned to a
-- class they attend, and the lesson tree around them; nothing once any of those conditions
-- stops holding.
begin;
select plan(24);

select tests.create_fixture();

-- Row counts of every content table as the current actor, with null for a table it may not read.
create function pg_temp.visible_content_rows()
returns table (table_name text, row_count bigint)
language sql
volatile
as $$
    select c.table_name, c.row_count
    from tests.count_rows_per_table() as c
    where c.table_name like 'content.%'
    order by c.table_name
$$;

select tests.act_as('student');

select results_eq(
    'select * from pg_temp.visible_content_rows()',
    $$
    values
    ('content.generation_jobs', 0::bigint),
    ('content.lesson_assignments', 1),
    ('content.lessons', 1),
    ('content.milestones', 2),
    ('content.question_answer_keys', null),
    ('content.question_transitions', 0),
    ('content.question_versions', 1),
    ('content.questions', 1),
    ('content.storage_objects', 4),
    ('content.video_groups', 2),
    ('content.video_renditions', 1),
    ('content.video_text_tracks', 1),
    ('content.videos', 2)
    $$,
    'a student of class_1 sees the published lesson, its tree and only its approved question'
);
select results_eq(
    'select question_id, version, status from content.question_versions',
    $$values (tests.content_fixture_id('question'), 1, 'approved'::content.question_status)$$,
    'the only version the student sees is the approved one'
);
select is_empty(
    $$
    select id from content.questions
    where id in (
        tests.content_fixture_id('draft_question'),
        tests.content_fixture_id('keyless_question'),
        tests.content_fixture_id('generated_question')
    )
    $$,
    'questions without an approved version are hidden from the student'
);
select is_empty(
    $$
    select id from content.storage_objects
    where id in (
        tests.content_fixture_id('spare_object'),
        tests.content_fixture_id('spare_rendition_object'),
        tests.content_fixture_id('spare_track_object')
    )
    $$,
    'objects that no visible video, rendition or track uses are hidden from the student'
);

select tests.act_as('other_student');

select is(
    (select count(*) from content.lessons),
    0::bigint,
    'a student of class_2 sees no lesson of class_1'
);
select is(
    (select count(*) from content.question_versions),
    0::bigint,
    'a student of class_2 sees no question version'
);

select tests.act_as('other_tenant_student');

select results_eq(
    'select id from content.lessons',
    array[tests.content_fixture_id('b_lesson')],
    'a student of tenant B sees only the lesson of tenant B'
);
select results_eq(
    'select question_id from content.question_versions',
    array[tests.content_fixture_id('b_question')],
    'a student of tenant B sees only the approved question of tenant B'
);

-- Control: the owner sees every row.

select tests.act_as_owner();

select is(
    (select count(*) from content.question_versions),
    5::bigint,
    'control: the owner sees all five question versions'
);

-- Each condition in turn stops holding.

reset role;

update content.lessons set status = 'archived'
where id = tests.content_fixture_id('lesson');

select tests.act_as('student');

select is(
    (select count(*) from content.lessons), 0::bigint,
    'an archived lesson is hidden from the student'
);
select is(
    (select count(*) from content.question_versions), 0::bigint,
    'the questions of an archived lesson are hidden from the student'
);
select is(
    (select count(*) from content.videos), 0::bigint,
    'the videos of an archived lesson are hidden from the student'
);
select is(
    (select count(*) from content.storage_objects), 0::bigint,
    'the objects of an archived lesson are hidden from the student'
);

reset role;

update content.lessons set status = 'draft'
where id = tests.content_fixture_id('lesson');

select tests.act_as('student');

select is(
    (select count(*) from content.lessons), 0::bigint,
    'a draft lesson is hidden from the student'
);

reset role;

update content.lessons set status = 'published'
where id = tests.content_fixture_id('lesson');

select tests.act_as('student');

select is(
    (select count(*) from content.question_versions), 1::bigint,
    'the republished lesson shows its approved question again'
);

-- Retiring the approved version hides the question.

select tests.act_as('class_teacher');

select lives_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('question'), 1, 'retired', 'Replaced by a video quiz.'
    )$$,
    'the teacher retires the approved version'
);

select tests.act_as('student');

select is(
    (select count(*) from content.question_versions), 0::bigint,
    'a retired version is hidden from the student'
);
select is(
    (select count(*) from content.questions), 0::bigint,
    'a question without an approved version is hidden from the student'
);

-- Removing the assignment, or the enrollment, hides the lesson.

reset role;

delete from content.lesson_assignments
where lesson_id = tests.content_fixture_id('lesson');

select tests.act_as('student');

select is(
    (select count(*) from content.lessons), 0::bigint,
    'a lesson no longer assigned to the student''s class is hidden'
);
select is(
    (select count(*) from content.milestones), 0::bigint,
    'the milestones of an unassigned lesson are hidden'
);

reset role;

insert into content.lesson_assignments (tenant_id, lesson_id, class_id, assigned_by)
values (
    tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'), tests.fixture_id('class_1'),
    tests.fixture_id('class_teacher')
);

select tests.act_as('student');

select is(
    (select count(*) from content.lessons), 1::bigint,
    'the reassigned lesson is visible again'
);

reset role;

update tenancy.enrollments set ended_at = now()
where class_id = tests.fixture_id('class_1') and user_id = tests.fixture_id('student');

select tests.act_as('student');

select is(
    (select count(*) from content.lessons), 0::bigint,
    'a student whose enrollment ended no longer sees the lesson'
);
select is(
    (select count(*) from content.lesson_assignments), 0::bigint,
    'a student whose enrollment ended no longer sees the assignment'
);

-- Teachers see every lesson of their tenant, drafts included.

select tests.act_as('class_teacher');

select is(
    (select count(*) from content.lessons), 2::bigint,
    'a teacher sees both lessons of tenant A, the other teacher''s draft included'
);

select * from finish();
rollback;
