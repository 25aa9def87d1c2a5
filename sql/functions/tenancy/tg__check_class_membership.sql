-- Check that the user of a class_teachers or enrollments row that becomes current is an active
-- member of the row's tenant, with a role the table accepts.

create or replace function tenancy.tg__check_class_membership()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
declare
    -- The trigger's arguments list the roles the table accepts, for example 'teacher', 'admin'.
    v_accepted_roles tenancy.member_role[] := TG_ARGV::tenancy.member_role[];
    v_role tenancy.member_role;
    v_status tenancy.membership_status;
begin
    -- A row is current until its ended_at (null: open-ended). A row whose period has already
    -- ended is history, so recording or correcting it needs no check.
    if NEW.ended_at is not null and NEW.ended_at <= now() then
        return NEW;
    end if;

    -- An update that keeps a current row with the same membership needs no check either, so a
    -- suspended member keeps the classes they already have.
    if
        TG_OP = 'UPDATE'
        and (OLD.ended_at is null or OLD.ended_at > now())
        and OLD.tenant_id = NEW.tenant_id
        and OLD.user_id = NEW.user_id
    then
        return NEW;
    end if;

    -- The membership row stays locked until this transaction ends, so a concurrent update that
    -- makes the member leave or change role waits for it, and its own check then sees this row
    -- (under read committed; see tenancy.tg_memberships__check_current_class_rows()).
    -- In the other order, this select waits for the update, then reads the new status under read
    -- committed, or fails with SQLSTATE 40001 under repeatable read and serializable.
    -- The lock is for share, not for key share: an update of status or role takes for no key
    -- update, which for key share would not block.
    -- NOTE: this function runs as the caller, so under row-level security it sees only the
    -- memberships the caller's policies expose; for share also needs update privilege on
    -- tenancy.memberships and applies its update policies. A hidden membership raises IL103.
    select
        m.role,
        m.status
    into v_role, v_status
    from tenancy.memberships as m
    where
        m.tenant_id = NEW.tenant_id
        and m.user_id = NEW.user_id
    for share;

    if not found then
        raise exception 'user % is not a member of tenant %', NEW.user_id, NEW.tenant_id
            using
                errcode = 'IL103',
                detail = format(
                    '%I.%I accepts only members of the row''s tenant with role %s.',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, array_to_string(v_accepted_roles, ' or ')
                ),
                hint = 'Add the membership first. If it exists, the current role cannot see it '
                'under row-level security.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'user_id';
    end if;

    if v_status <> 'active' then
        raise exception 'membership of user % in tenant % is %',
            NEW.user_id, NEW.tenant_id, v_status
            using
                errcode = 'IL102',
                detail = format(
                    '%I.%I accepts new current rows only for active memberships.',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME
                ),
                hint = 'Set the membership''s status to active first, or choose another user.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'user_id';
    end if;

    if not v_role = any(v_accepted_roles) then
        raise exception 'user % has role % in tenant %', NEW.user_id, v_role, NEW.tenant_id
            using
                errcode = 'IL101',
                detail = format(
                    '%I.%I accepts only members with role %s.',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, array_to_string(v_accepted_roles, ' or ')
                ),
                hint = 'Change the membership''s role first, or choose another user.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'user_id';
    end if;

    return NEW;
end
$$;

comment on function tenancy.tg__check_class_membership() is
'Trigger function: rejects a class_teachers or enrollments row that becomes current (ended_at '
'null or in the future) unless its user is an active member of the row''s tenant (IL103, IL102) '
'with one of the roles given as trigger arguments (IL101). Locks the membership row for share.';

-- The accepted roles must match those in tenancy.tg_memberships__check_current_class_rows(),
-- which stops a member from changing to a role that their current rows do not accept.
create or replace trigger check_class_membership
before insert or update on tenancy.class_teachers
for each row
execute function tenancy.tg__check_class_membership('teacher', 'admin');

create or replace trigger check_class_membership
before insert or update on tenancy.enrollments
for each row
execute function tenancy.tg__check_class_membership('student');
