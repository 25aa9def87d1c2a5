-- Add content.lessons with full-text and trigram search, and content.lesson_assignments.
-- depends: 0008_tenancy_classes
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants,
-- tenancy.memberships and tenancy.classes until commit, which blocks writes to them while this
-- short migration runs. Nothing existing is rewritten or scanned.

-- The generated search column of content.lessons calls this function, so it lives in a
-- migration and must stay immutable: it maps a fixed list and reads nothing else.
-- NOTE: the list names the text search configurations that PostgreSQL 15 ships. Changing the
-- mapping later needs a new function and a rebuild of content.lessons.search_vector, because
-- stored generated values are not recomputed when the function changes.
create function content.text_search_config(p_language text)
returns regconfig
language sql
immutable
parallel safe
security invoker
set search_path = pg_catalog
as $$
    select case lower(split_part(p_language, '-', 1))
        when 'ar' then 'pg_catalog.arabic'::pg_catalog.regconfig
        when 'hy' then 'pg_catalog.armenian'::pg_catalog.regconfig
        when 'eu' then 'pg_catalog.basque'::pg_catalog.regconfig
        when 'ca' then 'pg_catalog.catalan'::pg_catalog.regconfig
        when 'da' then 'pg_catalog.danish'::pg_catalog.regconfig
        when 'nl' then 'pg_catalog.dutch'::pg_catalog.regconfig
        when 'en' then 'pg_catalog.english'::pg_catalog.regconfig
        when 'fi' then 'pg_catalog.finnish'::pg_catalog.regconfig
        when 'fr' then 'pg_catalog.french'::pg_catalog.regconfig
        when 'de' then 'pg_catalog.german'::pg_catalog.regconfig
        when 'el' then 'pg_catalog.greek'::pg_catalog.regconfig
        when 'hi' then 'pg_catalog.hindi'::pg_catalog.regconfig
        when 'hu' then 'pg_catalog.hungarian'::pg_catalog.regconfig
        when 'id' then 'pg_catalog.indonesian'::pg_catalog.regconfig
        when 'ga' then 'pg_catalog.irish'::pg_catalog.regconfig
        when 'it' then 'pg_catalog.italian'::pg_catalog.regconfig
        when 'lt' then 'pg_catalog.lithuanian'::pg_catalog.regconfig
        when 'ne' then 'pg_catalog.nepali'::pg_catalog.regconfig
        when 'no' then 'pg_catalog.norwegian'::pg_catalog.regconfig
        when 'nb' then 'pg_catalog.norwegian'::pg_catalog.regconfig
        when 'nn' then 'pg_catalog.norwegian'::pg_catalog.regconfig
        when 'pt' then 'pg_catalog.portuguese'::pg_catalog.regconfig
        when 'ro' then 'pg_catalog.romanian'::pg_catalog.regconfig
        when 'ru' then 'pg_catalog.russian'::pg_catalog.regconfig
        when 'sr' then 'pg_catalog.serbian'::pg_catalog.regconfig
        when 'es' then 'pg_catalog.spanish'::pg_catalog.regconfig
        when 'sv' then 'pg_catalog.swedish'::pg_catalog.regconfig
        when 'ta' then 'pg_catalog.tamil'::pg_catalog.regconfig
        when 'tr' then 'pg_catalog.turkish'::pg_catalog.regconfig
        when 'yi' then 'pg_catalog.yiddish'::pg_catalog.regconfig
        else 'pg_catalog.simple'::pg_catalog.regconfig
    end
$$;

comment on function content.text_search_config(text) is
'Returns the text search configuration for a language tag such as en or fr-FR, chosen by its '
'primary language subtag (fr-FR gives french); simple for a language without a configuration '
'and for null.';

create type content.lesson_status as enum ('draft', 'published', 'archived');

comment on type content.lesson_status is
'Lifecycle of a lesson: draft (visible to teachers only), published (visible to students of the '
'classes it is assigned to), archived (hidden from students, kept for history).';

create table content.lessons (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    author_id uuid not null,
    title text not null,
    description text not null default '',
    language text not null default 'en',
    status content.lesson_status not null default 'draft',
    version integer not null default 1,
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- The title weighs more than the description in ts_rank.
    search_vector tsvector not null generated always as (
        setweight(to_tsvector(content.text_search_config(language), title), 'A')
        || setweight(to_tsvector(content.text_search_config(language), description), 'B')
    ) stored,
    constraint pk_lessons primary key (tenant_id, id),
    constraint fk_lessons_tenant_id foreign key (tenant_id) references tenancy.tenants (id),
    constraint fk_lessons_tenant_id_author_id foreign key (tenant_id, author_id)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_lessons_title_length check (
        title ~ '[^[:space:]]' and char_length(title) <= 200
    ),
    constraint check_lessons_description_length check (char_length(description) <= 10000),
    constraint check_lessons_language_format check (app.is_valid_locale_tag(language)),
    constraint check_lessons_version_positive check (version > 0),
    constraint check_lessons_published_at_set check (
        status <> 'published' or published_at is not null
    )
);

-- Serves the foreign key to memberships and lists an author's lessons.
create index index_lessons_on_tenant_id_and_author_id
on content.lessons (tenant_id, author_id);

create index index_lessons_on_search_vector
on content.lessons using gin (search_vector);

-- Fuzzy title search: similarity (%) and ilike '%...%' on the title.
create index index_lessons_on_title_trigram
on content.lessons using gin (title public.gin_trgm_ops);

alter table content.lessons enable row level security;
alter table content.lessons force row level security;

comment on table content.lessons is
'A lesson of a tenant: an ordered list of video groups, each an ordered list of videos with '
'milestones and questions.';
comment on column content.lessons.tenant_id is
'The tenant that owns the lesson.';
comment on column content.lessons.id is
'Lesson id (UUID version 7); the key is (tenant_id, id).';
comment on column content.lessons.author_id is
'The member who wrote the lesson.';
comment on column content.lessons.title is
'Title shown to students: not blank, at most 200 characters.';
comment on column content.lessons.description is
'Description shown to students, possibly empty, at most 10,000 characters.';
comment on column content.lessons.language is
'Language of the lesson as a locale tag such as en or fr-FR; picks the text search '
'configuration of search_vector through content.text_search_config().';
comment on column content.lessons.status is
'Lifecycle status; see the type content.lesson_status. Set published_at when publishing.';
comment on column content.lessons.version is
'Revision counter, 1 on insert and incremented by the trigger bump_version on every update '
'that changes the title, description, language or status; clients use it for optimistic '
'concurrency (update ... where version = the version they read).';
comment on column content.lessons.published_at is
'When the lesson was last published; set by the trigger bump_version when the status becomes '
'published, and required while it is published.';
comment on column content.lessons.created_at is
'When the row was inserted.';
comment on column content.lessons.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
comment on column content.lessons.search_vector is
'Generated full-text document: the title (weight A) and the description (weight B), parsed '
'with the configuration of the lesson language. Query it with websearch_to_tsquery and the '
'same configuration.';

create table content.lesson_assignments (
    tenant_id uuid not null,
    lesson_id uuid not null,
    class_id uuid not null,
    assigned_by uuid not null,
    assigned_at timestamptz not null default now(),
    due_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_lesson_assignments primary key (tenant_id, lesson_id, class_id),
    constraint fk_lesson_assignments_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    -- Removing a lesson removes its assignments: an assignment means nothing without its lesson.
    constraint fk_lesson_assignments_tenant_id_lesson_id foreign key (tenant_id, lesson_id)
    references content.lessons (tenant_id, id) on delete cascade,
    constraint fk_lesson_assignments_tenant_id_class_id foreign key (tenant_id, class_id)
    references tenancy.classes (tenant_id, id),
    constraint fk_lesson_assignments_tenant_id_assigned_by foreign key (tenant_id, assigned_by)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_lesson_assignments_due_after_assigned check (due_at > assigned_at)
);

-- Finds the lessons assigned to a class (what a student may see), and serves the foreign key.
create index index_lesson_assignments_on_tenant_id_and_class_id
on content.lesson_assignments (tenant_id, class_id);

create index index_lesson_assignments_on_tenant_id_and_assigned_by
on content.lesson_assignments (tenant_id, assigned_by);

alter table content.lesson_assignments enable row level security;
alter table content.lesson_assignments force row level security;

comment on table content.lesson_assignments is
'Assignment of a lesson to a class, with an optional due date. Students of the class see the '
'lesson while it is published.';
comment on column content.lesson_assignments.tenant_id is
'The tenant of the lesson and of the class.';
comment on column content.lesson_assignments.lesson_id is
'The lesson assigned.';
comment on column content.lesson_assignments.class_id is
'The class the lesson is assigned to.';
comment on column content.lesson_assignments.assigned_by is
'The member (teacher or admin) who assigned the lesson.';
comment on column content.lesson_assignments.assigned_at is
'When the lesson was assigned.';
comment on column content.lesson_assignments.due_at is
'Optional due date, after assigned_at; null means no due date.';
comment on column content.lesson_assignments.created_at is
'When the row was inserted.';
comment on column content.lesson_assignments.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
