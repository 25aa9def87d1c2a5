-- Add tenancy.memberships: which users belong to which tenant, in which role and status.
-- depends: 0006_tenancy_users
-- Lock impact: the new foreign keys take a share row exclusive lock on tenancy.tenants and
-- tenancy.users until commit, which blocks writes to them while this short migration runs.
-- Nothing existing is rewritten or scanned.

create type tenancy.member_role as enum ('admin', 'teacher', 'student');

comment on type tenancy.member_role is
'Role of a user inside one tenant: admin (manages the school), teacher, or student.';

-- suspended is kept apart from left because a suspension is temporary: the member keeps the
-- classes they teach or attend, cannot be given new ones, and can return to active.
create type tenancy.membership_status as enum ('active', 'suspended', 'left');

comment on type tenancy.membership_status is
'State of a membership: active; suspended (temporarily blocked, keeps its current classes, gets '
'no new ones); left (ended, with left_at set; no current teaching or enrollment rows remain).';

create table tenancy.memberships (
    tenant_id uuid not null,
    user_id uuid not null,
    role tenancy.member_role not null,
    status tenancy.membership_status not null default 'active',
    joined_at timestamptz not null default now(),
    left_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_memberships primary key (tenant_id, user_id),
    constraint fk_memberships_tenant_id foreign key (tenant_id) references tenancy.tenants (id),
    constraint fk_memberships_user_id foreign key (user_id) references tenancy.users (id),
    constraint check_memberships_left_at_matches_status check (
        (status = 'left') = (left_at is not null)
    ),
    constraint check_memberships_left_after_joined check (left_at >= joined_at)
);

-- Finds a user's tenants, and serves the foreign key when a user row is deleted.
create index index_memberships_on_user_id on tenancy.memberships (user_id);

alter table tenancy.memberships enable row level security;
alter table tenancy.memberships force row level security;

comment on table tenancy.memberships is
'Membership of a user in a tenant, one row per pair. A member who leaves keeps the row (status '
'left), so their history in the tenant stays attached; rejoining reactivates the same row.';
comment on column tenancy.memberships.tenant_id is
'The tenant the user belongs to.';
comment on column tenancy.memberships.user_id is
'The member.';
comment on column tenancy.memberships.role is
'Role in this tenant. Cannot change to a role that the member''s current class_teachers or '
'enrollments rows do not accept (error IL104).';
comment on column tenancy.memberships.status is
'State of the membership. Changing it to left requires that no current class_teachers or '
'enrollments rows remain (error IL104).';
comment on column tenancy.memberships.joined_at is
'When the user joined, or last rejoined, the tenant.';
comment on column tenancy.memberships.left_at is
'When the user left the tenant; set exactly when status is left, and not before joined_at.';
comment on column tenancy.memberships.created_at is
'When the row was inserted.';
comment on column tenancy.memberships.updated_at is
'When the row last changed; set by the trigger set_updated_at.';
