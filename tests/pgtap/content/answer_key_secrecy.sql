-- Students never read an answer key: not from the table, a view, a function, or an error
-- message. Teachers and admins reach keys only through the functions that check their role.
begin;
select plan(22);

select tests.create_fixture();

-- Returns the message of the error a statement raises, or null when it succeeds; the statement
-- runs in a subtransaction.
create function pg_temp.error_message_of(p_statement text)
returns text
language plpgsql
volatile
as $$
declare
    v_message text;
    v_detail text;
begin
    execute p_statement;
    return null;
exception
    when others then
        get stacked diagnostics v_message = message_text, v_detail = pg_exception_detail;
        return v_message || ' ' || coalesce(v_detail, '');
end
$$;

-- The table and anything built on it

select tests.act_as('student');

select throws_ok(
    'select answer_key from content.question_answer_keys',
    '42501', null,
    'a student selecting answer keys is denied'
);
select throws_ok(
    $$
    select k.answer_key
    from content.question_versions as v
    inner join content.question_answer_keys as k
        on v.tenant_id = k.tenant_id and v.question_id = k.question_id and v.version = k.version
    $$,
    '42501', null,
    'a student joining versions to their answer keys is denied'
);
select throws_ok(
    $$select content.read_question_answer_key(tests.content_fixture_id('question'), 1)$$,
    '42501', null,
    'a student reading a key through content.read_question_answer_key() is denied'
);
select throws_ok(
    $$select content.write_question_answer_key(
        tests.content_fixture_id('draft_question'), 1, '{"correct": false}'
    )$$,
    '42501', null,
    'a student writing a key through content.write_question_answer_key() is denied'
);
select throws_ok(
    $$select content.revise_question(tests.content_fixture_id('question'))$$,
    '42501', null,
    'a student copying a key through content.revise_question() is denied'
);
select throws_ok(
    $$select content.validate_question_answer_key(
        'single_choice',
        '{"text": "Pick.", "options": [{"id": "o2", "text": "O"}, {"id": "co2", "text": "C"}]}',
        '{"correct_option_id": "co2"}'
    )$$,
    '42501', null,
    'a student probing keys with content.validate_question_answer_key() is denied'
);

select tests.act_as('other_tenant_admin');

select is(
    content.read_question_answer_key(tests.content_fixture_id('question'), 1),
    null,
    'an admin of another tenant gets no key for a question of tenant A'
);
select is(
    content.read_question_answer_key(tests.content_fixture_id('b_question'), 1),
    '{"correct": true}'::jsonb,
    'an admin reads a key of their own tenant'
);

select tests.act_as('operator');

select throws_ok(
    'select count(*) from content.question_answer_keys',
    '42501', null,
    'platform operators cannot read answer keys either'
);

select tests.act_as('class_teacher');

select is(
    content.read_question_answer_key(tests.content_fixture_id('question'), 1),
    '{"correct_option_id": "co2"}'::jsonb,
    'control: a teacher of the tenant reads the key through the function'
);
select throws_ok(
    'select count(*) from content.question_answer_keys',
    '42501', null,
    'a teacher cannot select the table directly either'
);

-- Catalog: no other path to the keys exists.

reset role;

select ok(
    not has_table_privilege('ilp_app', 'content.question_answer_keys', 'select'),
    'ilp_app has no select privilege on content.question_answer_keys'
);
select is_empty(
    $$
    select a.privilege_type
    from pg_catalog.pg_class as c
    cross join lateral aclexplode(c.relacl) as a
    where
        c.oid = 'content.question_answer_keys'::regclass
        and a.grantee <> 'ilp_owner'::regrole
    $$,
    'no role but the owner holds any privilege on content.question_answer_keys'
);
select ok(
    not has_function_privilege(
        'ilp_app', 'content.validate_question_answer_key(text, jsonb, jsonb)', 'execute'
    ),
    'ilp_app cannot execute the answer key validator'
);
select is_empty(
    $$
    select distinct v.ev_class::regclass::text
    from pg_catalog.pg_rewrite as v
    inner join pg_catalog.pg_depend as d
        on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = v.oid
    where d.refobjid = 'content.question_answer_keys'::regclass
    $$,
    'no view or materialized view reads content.question_answer_keys'
);
select results_eq(
    $$
    select p.oid::regprocedure::text
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and p.prorettype <> 'trigger'::regtype
        and p.prosrc ilike '%question_answer_keys%'
        and has_function_privilege('ilp_app', p.oid, 'execute')
    order by 1
    $$,
    -- learning.submit_answer reads the key to grade a response and returns only the score and
    -- the feedback of the outcome, never the key; tests/pgtap/learning covers what it returns.
    array[
        'content.read_question_answer_key(uuid,integer)',
        'content.revise_question(uuid)',
        'content.write_question_answer_key(uuid,integer,jsonb)',
        'learning.submit_answer(uuid,integer,jsonb,uuid)'
    ],
    'the only functions ilp_app may call that read answer keys check the role or only grade'
);
-- A check or not-null violation repeats the whole failing row in its detail, key included.
select is_empty(
    $$
    select c.conname
    from pg_catalog.pg_constraint as c
    where
        c.conrelid = 'content.question_answer_keys'::regclass
        and c.contype = 'c'
    $$,
    'content.question_answer_keys has no check constraint whose error would echo a key'
);

-- Error messages name fields, never key values.

select tests.act_as('class_teacher');

select ok(
    pg_temp.error_message_of(
        $$select content.write_question_answer_key(
            tests.content_fixture_id('keyless_question'), 1,
            '{"correct_option_id": "secret-zebra-answer"}'
        )$$
    ) not like '%zebra%',
    'the error for a key naming an unknown option does not repeat the key'
);
select ok(
    pg_temp.error_message_of(
        $$select content.write_question_answer_key(
            tests.content_fixture_id('keyless_question'), 1,
            '{"correct_option_id": "a", "zebra-hint": "b"}'
        )$$
    ) not like '%zebra%',
    'the error for a key with an unknown field does not repeat the field name'
);
select lives_ok(
    $$select content.write_question_answer_key(
        tests.content_fixture_id('keyless_question'), 1, '{"correct_option_id": "b"}'
    )$$,
    'a teacher sets a valid key on a draft'
);
select ok(
    pg_temp.error_message_of(
        $$
        update content.question_versions
        set prompt = '{"text": "Where?", "options": [{"id": "a", "text": "A"}, {"id": "c", "text": "C"}]}'
        where question_id = tests.content_fixture_id('keyless_question') and version = 1
        $$
    ) not like '%"b"%',
    'the error for a prompt that no longer matches its key does not repeat the key'
);

select tests.act_as('student');

select ok(
    pg_temp.error_message_of(
        $$select content.read_question_answer_key(tests.content_fixture_id('question'), 1)$$
    ) not like '%co2%',
    'the error a student gets from the key reader does not contain the key'
);

select * from finish();
rollback;
