-- Reject a membership that leaves, or changes to a role its current class rows do not accept,
-- while it still has current class_teachers or enrollments rows.

create or replace function tenancy.tg_memberships__check_current_class_rows()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
declare
    v_teaching_count bigint;
    v_enrollment_count bigint;
begin
    -- A row counts while its period has not ended: ended_at is null or later than now(). So a
    -- row ended in this transaction (ended_at = now()) no longer counts.
    -- A before update trigger runs after the update has locked the membership row, and
    -- tenancy.tg__check_class_membership() locks that row for share before it accepts a new
    -- current row. So a concurrent insert either committed before these counts, which see it
    -- under read committed, or waits until this transaction ends and then sees the new status.
    -- NOTE: under repeatable read or serializable, the counts use the transaction's snapshot and
    -- miss a row that a concurrent transaction committed while this update waited for the lock.
    -- When both transactions are serializable, PostgreSQL raises 40001 instead; a repeatable read
    -- change, or a serializable one racing a read committed insert, can leave the row current.
    -- Run membership changes under read committed (the default).
    -- NOTE: this function runs as the caller, so under row-level security it counts only the
    -- rows the caller's policies expose.
    select count(*)
    into v_teaching_count
    from tenancy.class_teachers as t
    where
        t.tenant_id = NEW.tenant_id
        and t.user_id = NEW.user_id
        and (t.ended_at is null or t.ended_at > now());

    select count(*)
    into v_enrollment_count
    from tenancy.enrollments as e
    where
        e.tenant_id = NEW.tenant_id
        and e.user_id = NEW.user_id
        and (e.ended_at is null or e.ended_at > now());

    if
        NEW.status = 'left'
        and OLD.status <> 'left'
        and v_teaching_count + v_enrollment_count > 0
    then
        raise exception 'membership of user % in tenant % cannot leave while it has current class '
            'rows (% in class_teachers, % in enrollments)',
            NEW.user_id, NEW.tenant_id, v_teaching_count, v_enrollment_count
            using
                errcode = 'IL104',
                hint = 'End them first by setting their ended_at to now(), then set the status '
                'to left.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'status';
    end if;

    -- The accepted roles match the arguments of the check_class_membership triggers.
    if
        NEW.role <> OLD.role
        and v_teaching_count > 0
        and NEW.role not in ('teacher', 'admin')
    then
        raise exception 'membership of user % in tenant % cannot change role to % while it has '
            '% current rows in class_teachers',
            NEW.user_id, NEW.tenant_id, NEW.role, v_teaching_count
            using
                errcode = 'IL104',
                detail = 'tenancy.class_teachers accepts only members with role teacher or admin.',
                hint = 'End those rows first by setting their ended_at to now(), then change '
                'the role.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'role';
    end if;

    if
        NEW.role <> OLD.role
        and v_enrollment_count > 0
        and NEW.role <> 'student'
    then
        raise exception 'membership of user % in tenant % cannot change role to % while it has '
            '% current rows in enrollments',
            NEW.user_id, NEW.tenant_id, NEW.role, v_enrollment_count
            using
                errcode = 'IL104',
                detail = 'tenancy.enrollments accepts only members with role student.',
                hint = 'End those rows first by setting their ended_at to now(), then change '
                'the role.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'role';
    end if;

    return NEW;
end
$$;

comment on function tenancy.tg_memberships__check_current_class_rows() is
'Trigger function: rejects (IL104) a membership update that sets status to left while the '
'member has current class_teachers or enrollments rows (ended_at null or in the future), or '
'that changes the role to one those rows do not accept. Writes nothing: the caller ends them.';

-- Suspension is allowed with current rows: a suspended member keeps the classes they have.
create or replace trigger check_current_class_rows
before update of status, role on tenancy.memberships
for each row
when ((old.status <> 'left' and new.status = 'left') or old.role <> new.role)
execute function tenancy.tg_memberships__check_current_class_rows();
