-- The tenancy schema: tables, column types, keys, indexes, enums and triggers.
-- Project-wide rules (row-level security, comments, names, indexed foreign keys, tenant_id-first
-- keys) are checked for every schema in tests/pgtap/catalog/conventions.sql.
begin;
select plan(102);

-- Schemas and extensions

select is_empty(
    $$
    select s.schema_name
    from unnest(
        array['app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops']
    ) as s (schema_name)
    where to_regnamespace(s.schema_name) is null
    $$,
    'every domain schema exists'
);

select is_empty(
    $$
    select n.nspname::text
    from pg_catalog.pg_namespace as n
    where
        n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and obj_description(n.oid, 'pg_namespace') is null
    $$,
    'every domain schema has a comment'
);

select has_extension('public', 'citext', 'extension citext is installed in public');
select has_extension('public', 'pg_trgm', 'extension pg_trgm is installed in public');
select has_extension('public', 'btree_gist', 'extension btree_gist is installed in public');

-- Tables and columns

select tables_are(
    'tenancy',
    array[
        'tenants', 'users', 'user_profiles', 'memberships', 'classes', 'class_teachers',
        'enrollments'
    ]::name[],
    'tenancy has exactly the tenancy core tables'
);

select columns_are(
    'tenancy', 'tenants',
    array['id', 'slug', 'name', 'status', 'settings', 'created_at', 'updated_at']::name[],
    'tenancy.tenants has the expected columns'
);
select col_type_is('tenancy', 'tenants', 'id', 'uuid', 'tenants.id is a uuid');
select col_type_is('tenancy', 'tenants', 'slug', 'citext', 'tenants.slug is a citext');
select col_type_is('tenancy', 'tenants', 'name', 'text', 'tenants.name is a text');
select col_type_is(
    'tenancy', 'tenants', 'status', 'tenancy', 'tenant_status',
    'tenants.status is a tenancy.tenant_status'
);
select col_type_is('tenancy', 'tenants', 'settings', 'jsonb', 'tenants.settings is a jsonb');
select col_type_is(
    'tenancy', 'tenants', 'created_at', 'timestamp with time zone',
    'tenants.created_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'tenants', 'updated_at', 'timestamp with time zone',
    'tenants.updated_at is a timestamptz'
);

select columns_are(
    'tenancy', 'users',
    array['id', 'status', 'created_at', 'updated_at']::name[],
    'tenancy.users has the expected columns and no personal data'
);
select col_type_is('tenancy', 'users', 'id', 'uuid', 'users.id is a uuid');
select col_type_is(
    'tenancy', 'users', 'status', 'tenancy', 'user_status', 'users.status is a tenancy.user_status'
);
select col_type_is(
    'tenancy', 'users', 'created_at', 'timestamp with time zone',
    'users.created_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'users', 'updated_at', 'timestamp with time zone',
    'users.updated_at is a timestamptz'
);

select columns_are(
    'tenancy', 'user_profiles',
    array['user_id', 'full_name', 'email', 'locale', 'created_at', 'updated_at']::name[],
    'tenancy.user_profiles has the expected columns'
);
select col_type_is(
    'tenancy', 'user_profiles', 'user_id', 'uuid',
    'user_profiles.user_id is a uuid'
);
select col_type_is(
    'tenancy', 'user_profiles', 'full_name', 'text', 'user_profiles.full_name is a text'
);
select col_type_is(
    'tenancy', 'user_profiles', 'email', 'citext',
    'user_profiles.email is a citext'
);
select col_type_is('tenancy', 'user_profiles', 'locale', 'text', 'user_profiles.locale is a text');
select col_type_is(
    'tenancy', 'user_profiles', 'created_at', 'timestamp with time zone',
    'user_profiles.created_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'user_profiles', 'updated_at', 'timestamp with time zone',
    'user_profiles.updated_at is a timestamptz'
);

select columns_are(
    'tenancy', 'memberships',
    array[
        'tenant_id', 'user_id', 'role', 'status', 'joined_at', 'left_at', 'created_at',
        'updated_at'
    ]::name[],
    'tenancy.memberships has the expected columns'
);
select col_type_is(
    'tenancy', 'memberships', 'tenant_id', 'uuid',
    'memberships.tenant_id is a uuid'
);
select col_type_is('tenancy', 'memberships', 'user_id', 'uuid', 'memberships.user_id is a uuid');
select col_type_is(
    'tenancy', 'memberships', 'role', 'tenancy', 'member_role',
    'memberships.role is a tenancy.member_role'
);
select col_type_is(
    'tenancy', 'memberships', 'status', 'tenancy', 'membership_status',
    'memberships.status is a tenancy.membership_status'
);
select col_type_is(
    'tenancy', 'memberships', 'joined_at', 'timestamp with time zone',
    'memberships.joined_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'memberships', 'left_at', 'timestamp with time zone',
    'memberships.left_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'memberships', 'created_at', 'timestamp with time zone',
    'memberships.created_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'memberships', 'updated_at', 'timestamp with time zone',
    'memberships.updated_at is a timestamptz'
);

select columns_are(
    'tenancy', 'classes',
    array['tenant_id', 'id', 'name', 'code', 'archived_at', 'created_at', 'updated_at']::name[],
    'tenancy.classes has the expected columns'
);
select col_type_is('tenancy', 'classes', 'tenant_id', 'uuid', 'classes.tenant_id is a uuid');
select col_type_is('tenancy', 'classes', 'id', 'uuid', 'classes.id is a uuid');
select col_type_is('tenancy', 'classes', 'name', 'text', 'classes.name is a text');
select col_type_is('tenancy', 'classes', 'code', 'citext', 'classes.code is a citext');
select col_type_is(
    'tenancy', 'classes', 'archived_at', 'timestamp with time zone',
    'classes.archived_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'classes', 'created_at', 'timestamp with time zone',
    'classes.created_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'classes', 'updated_at', 'timestamp with time zone',
    'classes.updated_at is a timestamptz'
);

select columns_are(
    'tenancy', 'class_teachers',
    array['tenant_id', 'class_id', 'user_id', 'assigned_at', 'ended_at']::name[],
    'tenancy.class_teachers has the expected columns'
);
select col_type_is(
    'tenancy', 'class_teachers', 'tenant_id', 'uuid', 'class_teachers.tenant_id is a uuid'
);
select col_type_is(
    'tenancy', 'class_teachers', 'class_id', 'uuid', 'class_teachers.class_id is a uuid'
);
select col_type_is(
    'tenancy', 'class_teachers', 'user_id', 'uuid', 'class_teachers.user_id is a uuid'
);
select col_type_is(
    'tenancy', 'class_teachers', 'assigned_at', 'timestamp with time zone',
    'class_teachers.assigned_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'class_teachers', 'ended_at', 'timestamp with time zone',
    'class_teachers.ended_at is a timestamptz'
);

select columns_are(
    'tenancy', 'enrollments',
    array['tenant_id', 'class_id', 'user_id', 'enrolled_at', 'ended_at']::name[],
    'tenancy.enrollments has the expected columns'
);
select col_type_is(
    'tenancy', 'enrollments', 'tenant_id', 'uuid',
    'enrollments.tenant_id is a uuid'
);
select col_type_is('tenancy', 'enrollments', 'class_id', 'uuid', 'enrollments.class_id is a uuid');
select col_type_is('tenancy', 'enrollments', 'user_id', 'uuid', 'enrollments.user_id is a uuid');
select col_type_is(
    'tenancy', 'enrollments', 'enrolled_at', 'timestamp with time zone',
    'enrollments.enrolled_at is a timestamptz'
);
select col_type_is(
    'tenancy', 'enrollments', 'ended_at', 'timestamp with time zone',
    'enrollments.ended_at is a timestamptz'
);

select set_eq(
    $$
    select table_name || '.' || column_name
    from information_schema.columns
    where table_schema = 'tenancy' and is_nullable = 'YES'
    $$,
    array[
        'user_profiles.locale', 'memberships.left_at', 'classes.code', 'classes.archived_at',
        'class_teachers.ended_at', 'enrollments.ended_at'
    ],
    'only the optional columns of tenancy are nullable'
);

select col_default_is(
    'tenancy', 'tenants', 'id', 'app.uuid_v7()', 'tenants.id defaults to app.uuid_v7()'
);
select col_default_is(
    'tenancy', 'users', 'id', 'app.uuid_v7()', 'users.id defaults to app.uuid_v7()'
);
select col_default_is(
    'tenancy', 'classes', 'id', 'app.uuid_v7()', 'classes.id defaults to app.uuid_v7()'
);

-- Enums

select enum_has_labels(
    'tenancy', 'tenant_status', array['active', 'suspended', 'archived']::name[],
    'tenancy.tenant_status is active, suspended or archived'
);
select enum_has_labels(
    'tenancy', 'user_status', array['active', 'disabled']::name[],
    'tenancy.user_status is active or disabled'
);
select enum_has_labels(
    'tenancy', 'member_role', array['admin', 'teacher', 'student']::name[],
    'tenancy.member_role is admin, teacher or student'
);
select enum_has_labels(
    'tenancy', 'membership_status', array['active', 'suspended', 'left']::name[],
    'tenancy.membership_status is active, suspended or left'
);

-- Primary keys

select col_is_pk('tenancy', 'tenants', array['id']::name[], 'tenants is keyed by id');
select col_is_pk('tenancy', 'users', array['id']::name[], 'users is keyed by id');
select col_is_pk(
    'tenancy', 'user_profiles', array['user_id']::name[], 'user_profiles is keyed by user_id'
);
select col_is_pk(
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'memberships is keyed by (tenant_id, user_id)'
);
select col_is_pk(
    'tenancy', 'classes', array['tenant_id', 'id']::name[], 'classes is keyed by (tenant_id, id)'
);
select col_is_pk(
    'tenancy', 'class_teachers', array['tenant_id', 'class_id', 'user_id', 'assigned_at']::name[],
    'class_teachers is keyed by (tenant_id, class_id, user_id, assigned_at)'
);
select col_is_pk(
    'tenancy', 'enrollments', array['tenant_id', 'class_id', 'user_id', 'enrolled_at']::name[],
    'enrollments is keyed by (tenant_id, class_id, user_id, enrolled_at)'
);

-- Foreign keys

select fk_ok(
    'tenancy', 'user_profiles', array['user_id']::name[], 'tenancy', 'users', array['id']::name[],
    'user_profiles.user_id references users'
);
select fk_ok(
    'tenancy', 'memberships', array['tenant_id']::name[], 'tenancy', 'tenants', array['id']::name[],
    'memberships.tenant_id references tenants'
);
select fk_ok(
    'tenancy', 'memberships', array['user_id']::name[], 'tenancy', 'users', array['id']::name[],
    'memberships.user_id references users'
);
select fk_ok(
    'tenancy', 'classes', array['tenant_id']::name[], 'tenancy', 'tenants', array['id']::name[],
    'classes.tenant_id references tenants'
);
select fk_ok(
    'tenancy', 'class_teachers', array['tenant_id']::name[],
    'tenancy', 'tenants', array['id']::name[],
    'class_teachers.tenant_id references tenants'
);
select fk_ok(
    'tenancy', 'class_teachers', array['tenant_id', 'class_id']::name[],
    'tenancy', 'classes', array['tenant_id', 'id']::name[],
    'class_teachers references the class in its own tenant'
);
select fk_ok(
    'tenancy', 'class_teachers', array['tenant_id', 'user_id']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'class_teachers references the membership in its own tenant'
);
select fk_ok(
    'tenancy', 'enrollments', array['tenant_id']::name[], 'tenancy', 'tenants', array['id']::name[],
    'enrollments.tenant_id references tenants'
);
select fk_ok(
    'tenancy', 'enrollments', array['tenant_id', 'class_id']::name[],
    'tenancy', 'classes', array['tenant_id', 'id']::name[],
    'enrollments references the class in its own tenant'
);
select fk_ok(
    'tenancy', 'enrollments', array['tenant_id', 'user_id']::name[],
    'tenancy', 'memberships', array['tenant_id', 'user_id']::name[],
    'enrollments references the membership in its own tenant'
);

select results_eq(
    $$
    select conname::text collate "default", confdeltype::text collate "default"
    from pg_catalog.pg_constraint
    where connamespace = 'tenancy'::regnamespace and contype = 'f'
    order by conname
    $$,
    $$
    values
    ('fk_class_teachers_tenant_id', 'a'),
    ('fk_class_teachers_tenant_id_class_id', 'a'),
    ('fk_class_teachers_tenant_id_user_id', 'a'),
    ('fk_classes_tenant_id', 'a'),
    ('fk_enrollments_tenant_id', 'a'),
    ('fk_enrollments_tenant_id_class_id', 'a'),
    ('fk_enrollments_tenant_id_user_id', 'a'),
    ('fk_memberships_tenant_id', 'a'),
    ('fk_memberships_user_id', 'a'),
    ('fk_user_profiles_user_id', 'c')
    $$,
    'only user_profiles cascades on delete; every other foreign key rejects deleting a parent'
);

-- Unique, check and exclusion constraints

select col_is_unique('tenancy', 'tenants', array['slug']::name[], 'tenants.slug is unique');
select col_is_unique(
    'tenancy', 'user_profiles', array['email']::name[], 'user_profiles.email is unique'
);
select col_is_unique(
    'tenancy', 'classes', array['tenant_id', 'code']::name[], 'classes.code is unique per tenant'
);

select set_eq(
    $$
    select conname::text
    from pg_catalog.pg_constraint
    where connamespace = 'tenancy'::regnamespace and contype in ('c', 'x')
    $$,
    array[
        'check_tenants_slug_format',
        'check_tenants_name_length',
        'check_tenants_settings_shape',
        'check_user_profiles_full_name_length',
        'check_user_profiles_email_format',
        'check_user_profiles_locale_format',
        'check_memberships_left_at_matches_status',
        'check_memberships_left_after_joined',
        'check_classes_name_length',
        'check_classes_code_format',
        'check_class_teachers_ended_after_assigned',
        'excl_class_teachers_overlapping_periods',
        'check_enrollments_ended_after_enrolled',
        'excl_enrollments_overlapping_periods'
    ],
    'tenancy has exactly the expected check and exclusion constraints'
);

-- Indexes

select indexes_are(
    'tenancy', 'tenants', array['pk_tenants', 'unique_tenants_slug']::name[],
    'tenants has its primary key and slug indexes only'
);
select indexes_are('tenancy', 'users', array['pk_users']::name[], 'users has its primary key only');
select indexes_are(
    'tenancy', 'user_profiles', array['pk_user_profiles', 'unique_user_profiles_email']::name[],
    'user_profiles has its primary key and email indexes only'
);
select indexes_are(
    'tenancy', 'memberships', array['pk_memberships', 'index_memberships_on_user_id']::name[],
    'memberships has its primary key and user_id indexes only'
);
select indexes_are(
    'tenancy', 'classes', array['pk_classes', 'unique_classes_tenant_id_code']::name[],
    'classes has its primary key and code indexes only'
);
select indexes_are(
    'tenancy', 'class_teachers',
    array[
        'pk_class_teachers',
        'excl_class_teachers_overlapping_periods',
        'index_class_teachers_on_tenant_id_and_user_id'
    ]::name[],
    'class_teachers has its primary key, exclusion and membership indexes only'
);
select indexes_are(
    'tenancy', 'enrollments',
    array[
        'pk_enrollments',
        'excl_enrollments_overlapping_periods',
        'index_enrollments_on_tenant_id_and_user_id'
    ]::name[],
    'enrollments has its primary key, exclusion and membership indexes only'
);
select index_is_type(
    'tenancy', 'class_teachers', 'excl_class_teachers_overlapping_periods', 'gist',
    'the class_teachers exclusion constraint uses a GiST index'
);
select index_is_type(
    'tenancy', 'enrollments', 'excl_enrollments_overlapping_periods', 'gist',
    'the enrollments exclusion constraint uses a GiST index'
);

-- Triggers

select trigger_is(
    'tenancy', 'tenants', 'set_updated_at', 'app', 'tg__set_updated_at',
    'tenants keeps updated_at with app.tg__set_updated_at()'
);
select trigger_is(
    'tenancy', 'users', 'set_updated_at', 'app', 'tg__set_updated_at',
    'users keeps updated_at with app.tg__set_updated_at()'
);
select trigger_is(
    'tenancy', 'user_profiles', 'set_updated_at', 'app', 'tg__set_updated_at',
    'user_profiles keeps updated_at with app.tg__set_updated_at()'
);
select trigger_is(
    'tenancy', 'memberships', 'set_updated_at', 'app', 'tg__set_updated_at',
    'memberships keeps updated_at with app.tg__set_updated_at()'
);
select trigger_is(
    'tenancy', 'classes', 'set_updated_at', 'app', 'tg__set_updated_at',
    'classes keeps updated_at with app.tg__set_updated_at()'
);
select trigger_is(
    'tenancy', 'class_teachers', 'check_class_membership', 'tenancy', 'tg__check_class_membership',
    'class_teachers checks its membership with tenancy.tg__check_class_membership()'
);
select trigger_is(
    'tenancy', 'enrollments', 'check_class_membership', 'tenancy', 'tg__check_class_membership',
    'enrollments checks its membership with tenancy.tg__check_class_membership()'
);
select trigger_is(
    'tenancy', 'memberships', 'check_current_class_rows',
    'tenancy', 'tg_memberships__check_current_class_rows',
    'memberships checks active class rows with tg_memberships__check_current_class_rows()'
);

select * from finish();
rollback;
