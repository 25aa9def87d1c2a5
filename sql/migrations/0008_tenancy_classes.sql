-- Add tenancy.classes, and class_teachers and enrollments: who teaches and attends them, and when.
-- depends: 0007_tenancy_memberships
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants and
-- tenancy.memberships until commit, which blocks writes to them while this short migration runs.
-- Nothing existing is rewritten or scanned.

create table tenancy.classes (
    tenant_id uuid not null,
    id uuid not null default app.uuid_v7(),
    name text not null,
    code public.citext,
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_classes primary key (tenant_id, id),
    constraint fk_classes_tenant_id foreign key (tenant_id) references tenancy.tenants (id),
    -- Unique ignoring case (citext); classes without a code do not collide (nulls are distinct).
    constraint unique_classes_tenant_id_code unique (tenant_id, code),
    constraint check_classes_name_length check (
        name ~ '[^[:space:]]' and char_length(name) <= 200
    ),
    constraint check_classes_code_format check (
        code::text ~ '^[A-Za-z0-9]([A-Za-z0-9._-]{0,30}[A-Za-z0-9])?$'
    )
);

alter table tenancy.classes enable row level security;
alter table tenancy.classes force row level security;

comment on table tenancy.classes is
'A class (group of students) of a tenant. Archived classes keep their rows and history.';
comment on column tenancy.classes.tenant_id is
'The tenant the class belongs to.';
comment on column tenancy.classes.id is
'Class id (UUID version 7); the key is (tenant_id, id).';
comment on column tenancy.classes.name is
'Display name such as "6e B - Mathematics": not blank, at most 200 characters.';
comment on column tenancy.classes.code is
'Optional short code such as 6B or MATH-101 (1 to 32 letters, digits, dots, hyphens or '
'underscores, starting and ending with a letter or digit), unique per tenant ignoring case.';
comment on column tenancy.classes.archived_at is
'When the class was archived; null while it is in use.';
comment on column tenancy.classes.created_at is
'When the row was inserted.';
comment on column tenancy.classes.updated_at is
'When the row last changed; set by the trigger set_updated_at.';

-- class_teachers and enrollments keep history: a row is ended by setting ended_at, never deleted.
-- A row is current while its period has not ended (ended_at null or in the future). The exclusion
-- constraint keeps one user's periods in one class from overlapping, and assigned_at or
-- enrolled_at completes the primary key because a user may come back to a class later.
create table tenancy.class_teachers (
    tenant_id uuid not null,
    class_id uuid not null,
    user_id uuid not null,
    assigned_at timestamptz not null default now(),
    ended_at timestamptz,
    constraint pk_class_teachers primary key (tenant_id, class_id, user_id, assigned_at),
    constraint fk_class_teachers_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_class_teachers_tenant_id_class_id foreign key (tenant_id, class_id)
    references tenancy.classes (tenant_id, id),
    constraint fk_class_teachers_tenant_id_user_id foreign key (tenant_id, user_id)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_class_teachers_ended_after_assigned check (ended_at >= assigned_at),
    constraint excl_class_teachers_overlapping_periods exclude using gist (
        tenant_id with =,
        class_id with =,
        user_id with =,
        tstzrange(assigned_at, ended_at) with &&
    )
);

-- Finds the classes a member teaches (used when a membership leaves or changes role), and serves
-- the foreign key to memberships.
create index index_class_teachers_on_tenant_id_and_user_id
on tenancy.class_teachers (tenant_id, user_id);

alter table tenancy.class_teachers enable row level security;
alter table tenancy.class_teachers force row level security;

comment on table tenancy.class_teachers is
'Who teaches which class, and when. A row is current until ended_at (null: open-ended); when it '
'becomes current, its member must be active with role teacher or admin (errors IL101 to IL103).';
comment on column tenancy.class_teachers.tenant_id is
'The tenant of the class and of the teacher''s membership.';
comment on column tenancy.class_teachers.class_id is
'The class taught.';
comment on column tenancy.class_teachers.user_id is
'The teacher: a member of the same tenant.';
comment on column tenancy.class_teachers.assigned_at is
'Start of the teaching period.';
comment on column tenancy.class_teachers.ended_at is
'End of the teaching period (exclusive); null while no end is set.';

create table tenancy.enrollments (
    tenant_id uuid not null,
    class_id uuid not null,
    user_id uuid not null,
    enrolled_at timestamptz not null default now(),
    ended_at timestamptz,
    constraint pk_enrollments primary key (tenant_id, class_id, user_id, enrolled_at),
    constraint fk_enrollments_tenant_id foreign key (tenant_id)
    references tenancy.tenants (id),
    constraint fk_enrollments_tenant_id_class_id foreign key (tenant_id, class_id)
    references tenancy.classes (tenant_id, id),
    constraint fk_enrollments_tenant_id_user_id foreign key (tenant_id, user_id)
    references tenancy.memberships (tenant_id, user_id),
    constraint check_enrollments_ended_after_enrolled check (ended_at >= enrolled_at),
    constraint excl_enrollments_overlapping_periods exclude using gist (
        tenant_id with =,
        class_id with =,
        user_id with =,
        tstzrange(enrolled_at, ended_at) with &&
    )
);

-- Finds the classes a student attends (used when a membership leaves or changes role), and
-- serves the foreign key to memberships.
create index index_enrollments_on_tenant_id_and_user_id
on tenancy.enrollments (tenant_id, user_id);

alter table tenancy.enrollments enable row level security;
alter table tenancy.enrollments force row level security;

comment on table tenancy.enrollments is
'Which student attends which class, and when. A row is current until ended_at (null: '
'open-ended); when it becomes current, its member must be active with role student (IL101-IL103).';
comment on column tenancy.enrollments.tenant_id is
'The tenant of the class and of the student''s membership.';
comment on column tenancy.enrollments.class_id is
'The class attended.';
comment on column tenancy.enrollments.user_id is
'The student: a member of the same tenant.';
comment on column tenancy.enrollments.enrolled_at is
'Start of the enrollment period.';
comment on column tenancy.enrollments.ended_at is
'End of the enrollment period (exclusive); null while no end is set.';
