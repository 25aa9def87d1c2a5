-- The review workflow of question versions: legal and illegal status changes, who may make
-- them, the history they leave, and that only drafts change. Actors go through ilp_app with a
-- request context, as the backend does.
begin;
select plan(47);

select tests.create_fixture();

-- In the fixture, question has version 1 approved, draft_question and keyless_question have a
-- draft version 1 (the latter without an answer key), and generated_question's version 1 is in
-- review.

select tests.act_as('class_teacher');

-- Illegal changes from draft

select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'approved'
    )$$,
    'IL221', null,
    'draft to approved is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'rejected', 'Not needed.'
    )$$,
    'IL221', null,
    'draft to rejected is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'retired'
    )$$,
    'IL221', null,
    'draft to retired is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('keyless_question'), 1, 'in_review'
    )$$,
    'IL214', null,
    'submitting a scored draft without an answer key is rejected'
);

-- draft to in_review, then what in_review allows

select is(
    (
        content.transition_question_version(
            tests.content_fixture_id('draft_question'), 1, 'in_review'
        )
    ).from_status,
    'draft'::content.question_status,
    'draft to in_review is accepted and records the previous status'
);
select is(
    (
        select status from content.question_versions
        where question_id = tests.content_fixture_id('draft_question') and version = 1
    ),
    'in_review'::content.question_status,
    'the submitted version is in review'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'draft'
    )$$,
    'IL221', null,
    'in_review back to draft is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'retired'
    )$$,
    'IL221', null,
    'in_review to retired is rejected'
);
select throws_ok(
    $$
    update content.question_versions set points = 5
    where question_id = tests.content_fixture_id('draft_question') and version = 1
    $$,
    'IL220', null,
    'editing a version in review is rejected'
);
select throws_ok(
    $$select content.write_question_answer_key(
        tests.content_fixture_id('draft_question'), 1, '{"correct": false}'
    )$$,
    'IL220', null,
    'changing the answer key of a version in review is rejected'
);
select throws_ok(
    $$
    delete from content.question_versions
    where question_id = tests.content_fixture_id('draft_question') and version = 1
    $$,
    'IL220', null,
    'deleting a version in review is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'rejected'
    )$$,
    '23514', null,
    'rejecting without a reason is rejected'
);
select lives_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'rejected',
        'The statement is too vague: name the kind of light.'
    )$$,
    'in_review to rejected with a reason is accepted'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'approved'
    )$$,
    'IL221', null,
    'rejected to approved is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('draft_question'), 1, 'in_review'
    )$$,
    'IL221', null,
    'rejected to in_review is rejected'
);

-- Who may review: any teacher or admin of the tenant, nobody else.

select tests.act_as('student');

select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('generated_question'), 1, 'approved'
    )$$,
    'IL222', null,
    'a student approving a question is rejected'
);

select tests.act_as('other_tenant_admin');

select throws_ok(
    $$
    insert into content.question_transitions (tenant_id, question_id, version, to_status)
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('generated_question'), 1,
        'approved'
    )
    $$,
    'IL222', null,
    'an admin of another tenant approving a question of tenant A is rejected'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('generated_question'), 1, 'approved'
    )$$,
    '23503', null,
    'an admin of another tenant does not find the question in their own tenant'
);

select tests.act_as('no_context');

select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('generated_question'), 1, 'approved'
    )$$,
    'IL222', null,
    'approving without a request context is rejected'
);

select tests.act_as('other_teacher');

select throws_ok(
    $$
    insert into content.question_transitions (
        tenant_id, question_id, version, to_status, actor_id
    )
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('generated_question'), 1,
        'approved', tests.fixture_id('admin')
    )
    $$,
    'IL222', null,
    'recording a change in another member''s name is rejected'
);
select throws_ok(
    $$
    update content.question_versions set status = 'approved'
    where question_id = tests.content_fixture_id('generated_question')
    $$,
    '42501', null,
    'ilp_app cannot update the status column directly'
);
select is(
    (
        content.transition_question_version(
            tests.content_fixture_id('generated_question'), 1, 'approved'
        )
    ).actor_id,
    tests.fixture_id('other_teacher'),
    'another teacher approves the generated question, recorded as the actor'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('generated_question'), 1, 'in_review'
    )$$,
    'IL221', null,
    'approved back to in_review is rejected'
);
select lives_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('generated_question'), 1, 'retired', 'Superseded by a new lesson.'
    )$$,
    'approved to retired is accepted'
);
select throws_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('generated_question'), 1, 'approved'
    )$$,
    'IL221', null,
    'retired to approved is rejected'
);

-- Editing an approved question creates a new version; approving it retires the old one.

select tests.act_as('class_teacher');

select throws_ok(
    $$
    update content.question_versions set points = 2
    where question_id = tests.content_fixture_id('question') and version = 1
    $$,
    'IL220', null,
    'editing an approved version is rejected'
);
select throws_ok(
    $$select content.write_question_answer_key(
        tests.content_fixture_id('question'), 1, '{"correct_option_id": "o2"}'
    )$$,
    'IL220', null,
    'changing the answer key of an approved version is rejected'
);
select is(
    content.revise_question(tests.content_fixture_id('question')),
    2,
    'revising the approved question creates draft version 2'
);
select throws_ok(
    $$select content.revise_question(tests.content_fixture_id('question'))$$,
    '23505', null,
    'a second open version of the same question is rejected'
);
select lives_ok(
    $$
    update content.question_versions
    set prompt = jsonb_set(prompt, '{text}', '"Which gas do leaves absorb?"')
    where question_id = tests.content_fixture_id('question') and version = 2
    $$,
    'the new draft is editable'
);
select lives_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('question'), 2, 'in_review'
    )$$,
    'version 2 goes to review with the answer key copied from version 1'
);
select lives_ok(
    $$select content.transition_question_version(
        tests.content_fixture_id('question'), 2, 'approved'
    )$$,
    'version 2 is approved'
);
select results_eq(
    $$
    select version, status from content.question_versions
    where question_id = tests.content_fixture_id('question')
    order by version
    $$,
    $$values (1, 'retired'::content.question_status), (2, 'approved')$$,
    'approving version 2 retired version 1'
);
select results_eq(
    $$
    select version, from_status, to_status, actor_id from content.question_transitions
    where question_id = tests.content_fixture_id('question') and version = 1
    order by created_at, to_status
    $$,
    $$
    values
    (
        1, 'draft'::content.question_status, 'in_review'::content.question_status,
        tests.fixture_id('class_teacher')
    ),
    (1, 'in_review', 'approved', tests.fixture_id('class_teacher')),
    (1, 'approved', 'retired', tests.fixture_id('class_teacher'))
    $$,
    'every change of version 1 is recorded with its previous status and actor'
);
select is(
    (
        select count(*) from content.question_transitions
        where question_id = tests.content_fixture_id('question') and version = 2
    ),
    2::bigint,
    'both changes of version 2 are recorded'
);
select is(
    content.read_question_answer_key(tests.content_fixture_id('question'), 2),
    '{"correct_option_id": "co2"}'::jsonb,
    'a teacher reads the answer key copied to version 2'
);

-- The owner is held to the same rules.

reset role;
select
    set_config('ilp.tenant_id', '', true) as tenant_setting,
    set_config('ilp.user_id', '', true) as user_setting;

select throws_ok(
    $$
    update content.question_versions set status = 'retired'
    where question_id = tests.content_fixture_id('question') and version = 2
    $$,
    'IL223', null,
    'a status change by a plain update is rejected even for the owner'
);
select throws_ok(
    $$
    update content.question_versions set prompt = '{"text": "Changed."}'
    where question_id = tests.content_fixture_id('question') and version = 2
    $$,
    'IL220', null,
    'the owner cannot edit an approved version'
);
select throws_ok(
    $$
    delete from content.question_versions
    where question_id = tests.content_fixture_id('question') and version = 2
    $$,
    'IL220', null,
    'the owner cannot delete an approved version'
);
select throws_ok(
    $$
    update content.question_answer_keys set answer_key = '{"correct_option_id": "o2"}'
    where question_id = tests.content_fixture_id('question') and version = 2
    $$,
    'IL220', null,
    'the owner cannot change the answer key of an approved version'
);
select throws_ok(
    $$
    delete from content.question_answer_keys
    where question_id = tests.content_fixture_id('question') and version = 2
    $$,
    'IL220', null,
    'the owner cannot delete the answer key of an approved version'
);
select throws_ok(
    $$
    update content.question_versions set version = 9
    where question_id = tests.content_fixture_id('keyless_question') and version = 1
    $$,
    'IL220', null,
    'the version number of a draft cannot change'
);
select throws_ok(
    $$
    delete from content.questions where id = tests.content_fixture_id('question')
    $$,
    'IL220', null,
    'deleting a question with an approved version is rejected'
);

-- New versions are numbered in order and start as drafts.

select throws_ok(
    $$
    insert into content.question_versions (
        tenant_id, question_id, version, question_type, prompt, created_by
    )
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question'), 5, 'true_false',
        '{"text": "Leaves are green."}', tests.fixture_id('class_teacher')
    )
    $$,
    'IL224', null,
    'a version number other than the next one is rejected'
);
select throws_ok(
    $$
    insert into content.question_versions (
        tenant_id, question_id, question_type, prompt, status, created_by
    )
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('question'), 'true_false',
        '{"text": "Leaves are green."}', 'approved', tests.fixture_id('class_teacher')
    )
    $$,
    'IL221', null,
    'a new version that is not a draft is rejected'
);
select throws_ok(
    $$
    insert into content.question_transitions (tenant_id, question_id, version, to_status)
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('keyless_question'), 1,
        'in_review'
    )
    $$,
    'IL222', null,
    'without a request context a change must name its actor'
);
select throws_ok(
    $$
    insert into content.question_transitions (
        tenant_id, question_id, version, to_status, actor_id
    )
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('draft_question'), 1,
        'in_review', tests.fixture_id('student')
    )
    $$,
    'IL222', null,
    'without a request context the named actor must be a teacher or admin'
);

select * from finish();
rollback;
