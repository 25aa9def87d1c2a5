-- Lessons: the language-aware full-text search, fuzzy title search, the server-controlled
-- version and publication time, and assignments with due dates.
begin;
select plan(22);

select tests.create_fixture();

-- Text search configuration per language

select is(content.text_search_config('en'), 'english'::regconfig, 'en maps to english');
select is(content.text_search_config('fr-FR'), 'french'::regconfig, 'fr-FR maps to french');
select is(content.text_search_config('pt-BR'), 'portuguese'::regconfig, 'pt-BR maps to portuguese');
select is(content.text_search_config('nb'), 'norwegian'::regconfig, 'nb maps to norwegian');
select is(
    content.text_search_config('zh-Hant-TW'), 'simple'::regconfig,
    'a language without a configuration maps to simple'
);
select is(content.text_search_config(null), 'simple'::regconfig, 'null maps to simple');

-- Full-text search uses the lesson's language: French stemming finds "cellules" from "cellule".

select results_eq(
    $$
    select id from content.lessons
    where search_vector @@ websearch_to_tsquery('french', 'cellules végétales')
    $$,
    array[tests.content_fixture_id('draft_lesson')],
    'a French query with plural forms finds the French lesson by its stems'
);
select results_eq(
    $$
    select id from content.lessons
    where search_vector @@ websearch_to_tsquery('english', 'plant turning light')
    $$,
    array[tests.content_fixture_id('lesson')],
    'an English query finds the English lesson through its description'
);
select results_eq(
    $$
    select id from content.lessons
    where search_vector @@ websearch_to_tsquery('english', 'photosynthesis')
    order by ts_rank(search_vector, websearch_to_tsquery('english', 'photosynthesis')) desc
    $$,
    array[tests.content_fixture_id('lesson')],
    'a word of the title matches with weight A'
);

-- Fuzzy title search tolerates typing errors.

select results_eq(
    $$
    select id from content.lessons
    where title % 'Photosynthsis'
    $$,
    array[tests.content_fixture_id('lesson')],
    'a misspelt title is found by trigram similarity'
);

-- The generated column follows a change of language.

update content.lessons set language = 'en'
where id = tests.content_fixture_id('draft_lesson');

select is(
    (
        select search_vector from content.lessons
        where id = tests.content_fixture_id('draft_lesson')
    ),
    setweight(to_tsvector('english', 'La cellule'), 'A')
    || setweight(to_tsvector('english', 'Les organites de la cellule végétale.'), 'B'),
    'after the language changes to English, the search document is parsed as English'
);

-- version and published_at are set by the server.

select is(
    (
        select version from content.lessons
        where id = tests.content_fixture_id('draft_lesson')
    ),
    2,
    'changing the language raised the version to 2'
);

update content.lessons set version = 40, title = 'La cellule végétale'
where id = tests.content_fixture_id('draft_lesson');

select is(
    (
        select version from content.lessons
        where id = tests.content_fixture_id('draft_lesson')
    ),
    3,
    'a version written by the client is ignored and the server adds 1'
);

update content.lessons set updated_at = now()
where id = tests.content_fixture_id('draft_lesson');

select is(
    (
        select version from content.lessons
        where id = tests.content_fixture_id('draft_lesson')
    ),
    3,
    'an update that changes no content keeps the version'
);
select is(
    (
        select published_at from content.lessons
        where id = tests.content_fixture_id('draft_lesson')
    ),
    null,
    'a draft has no publication time'
);

update content.lessons set status = 'published'
where id = tests.content_fixture_id('draft_lesson');

select isnt(
    (
        select published_at from content.lessons
        where id = tests.content_fixture_id('draft_lesson')
    ),
    null,
    'publishing sets the publication time'
);
select throws_ok(
    $$
    update content.lessons set published_at = null
    where id = tests.content_fixture_id('draft_lesson')
    $$,
    '23514', null,
    'a published lesson without a publication time is rejected'
);
select throws_ok(
    $$
    insert into content.lessons (tenant_id, author_id, title, language)
    values (tests.fixture_id('tenant_a'), tests.fixture_id('class_teacher'), 'Cells', 'english')
    $$,
    '23514', null,
    'a language that is not a locale tag is rejected'
);
select throws_ok(
    $$
    insert into content.lessons (tenant_id, author_id, title)
    values (tests.fixture_id('tenant_a'), tests.fixture_id('class_teacher'), '   ')
    $$,
    '23514', null,
    'a blank title is rejected'
);
select throws_ok(
    $$
    insert into content.lessons (tenant_id, author_id, title)
    values (tests.fixture_id('tenant_a'), tests.fixture_id('other_tenant_admin'), 'Cells')
    $$,
    '23503', null,
    'an author who is not a member of the lesson''s tenant is rejected'
);

-- Assignments

select throws_ok(
    $$
    update content.lesson_assignments set due_at = assigned_at - interval '1 day'
    where lesson_id = tests.content_fixture_id('lesson')
    $$,
    '23514', null,
    'a due date before the assignment is rejected'
);
select throws_ok(
    $$
    insert into content.lesson_assignments (tenant_id, lesson_id, class_id, assigned_by)
    values (
        tests.fixture_id('tenant_a'), tests.content_fixture_id('lesson'),
        tests.fixture_id('class_b'), tests.fixture_id('class_teacher')
    )
    $$,
    '23503', null,
    'assigning a lesson to a class of another tenant is rejected'
);

select * from finish();
rollback;
