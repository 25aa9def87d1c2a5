-- Apply a status change of a question version: check the actor and the change, record who made
-- it, and update the version.

-- Security definer because it updates content.question_versions.status, which ilp_app may not
-- update directly, and reads memberships and answer keys whatever the caller's policies show.
-- It therefore checks the tenant and the actor itself.
create or replace function content.tg_question_transitions__apply()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_request_tenant_id uuid := app.current_tenant_id();
    v_request_user_id uuid := app.current_user_id();
    v_actor_role tenancy.member_role;
    v_actor_status tenancy.membership_status;
    v_from_status content.question_status;
    v_question_type content.question_type;
    v_previous_version integer;
begin
    -- With a request context the actor is its user. Without one (maintenance as the owner) the
    -- row must name the actor, who passes the same checks.
    if v_request_user_id is not null then
        if NEW.tenant_id <> v_request_tenant_id then
            raise exception 'the request acts in tenant %, not in tenant %',
                v_request_tenant_id, NEW.tenant_id
                using
                    errcode = 'IL222',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'tenant_id';
        end if;

        if NEW.actor_id is not null and NEW.actor_id <> v_request_user_id then
            raise exception 'actor_id must be the request''s user %, not %',
                v_request_user_id, NEW.actor_id
                using
                    errcode = 'IL222',
                    hint = 'Leave actor_id null: it is set from the request context.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'actor_id';
        end if;

        NEW.actor_id := v_request_user_id;
    elsif NEW.actor_id is null then
        raise exception 'a question status change needs an actor'
            using
                errcode = 'IL222',
                hint = 'Call app.begin_request(tenant_id, user_id) first.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'actor_id';
    end if;

    select m.role, m.status
    into v_actor_role, v_actor_status
    from tenancy.memberships as m
    where
        m.tenant_id = NEW.tenant_id
        and m.user_id = NEW.actor_id;

    if
        v_actor_role is null
        or v_actor_status <> 'active'
        or v_actor_role not in ('teacher', 'admin')
    then
        raise exception 'user % may not change the status of questions in tenant %',
            NEW.actor_id, NEW.tenant_id
            using
                errcode = 'IL222',
                hint = 'Only active teachers and admins of the tenant submit, review and retire '
                'questions.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'actor_id';
    end if;

    -- Locked for update: concurrent changes of one version run one after the other, and each
    -- sees the status the previous one left.
    select qv.status, qv.question_type
    into v_from_status, v_question_type
    from content.question_versions as qv
    where
        qv.tenant_id = NEW.tenant_id
        and qv.question_id = NEW.question_id
        and qv.version = NEW.version
    for update;

    if not found then
        raise exception 'version % of question % not found in tenant %',
            NEW.version, NEW.question_id, NEW.tenant_id
            using
                errcode = '23503',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                constraint = 'fk_question_transitions_question_version';
    end if;

    NEW.from_status := v_from_status;

    if not (v_from_status, NEW.to_status) in (
        ('draft', 'in_review'),
        ('in_review', 'approved'),
        ('in_review', 'rejected'),
        ('approved', 'retired')
    ) then
        raise exception 'version % of question % cannot change from % to %',
            NEW.version, NEW.question_id, v_from_status, NEW.to_status
            using
                errcode = 'IL221',
                hint = 'Legal changes: draft to in_review, in_review to approved or rejected, '
                'approved to retired. To change a question, insert a new draft version.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'to_status';
    end if;

    if
        NEW.to_status = 'in_review'
        and v_question_type <> 'poll'
        and not exists (
            select
            from content.question_answer_keys as k
            where
                k.tenant_id = NEW.tenant_id
                and k.question_id = NEW.question_id
                and k.version = NEW.version
        )
    then
        raise exception 'version % of question % has no answer key', NEW.version, NEW.question_id
            using
                errcode = 'IL214',
                hint = 'Every question type but poll needs an answer key before review: insert '
                'one with content.write_question_answer_key().',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    -- Only one version of a question is live: approving one first retires the current one,
    -- through this same trigger, so that change is recorded too.
    if NEW.to_status = 'approved' then
        select qv.version
        into v_previous_version
        from content.question_versions as qv
        where
            qv.tenant_id = NEW.tenant_id
            and qv.question_id = NEW.question_id
            and qv.status = 'approved';

        if found then
            insert into content.question_transitions (
                tenant_id, question_id, version, to_status, actor_id, reason
            )
            values (
                NEW.tenant_id,
                NEW.question_id,
                v_previous_version,
                'retired',
                NEW.actor_id,
                format('replaced by version %s', NEW.version)
            );
        end if;
    end if;

    update content.question_versions as qv
    set
        status = NEW.to_status,
        status_changed_at = now()
    where
        qv.tenant_id = NEW.tenant_id
        and qv.question_id = NEW.question_id
        and qv.version = NEW.version;

    return NEW;
end
$$;

comment on function content.tg_question_transitions__apply() is
'Trigger function: before a content.question_transitions row is inserted, sets actor_id to the '
'request''s user (IL222 unless an active teacher or admin of the row''s tenant), sets '
'from_status, raises IL221 for an illegal change and IL214 when a scored version goes to review '
'without an answer key, retires the previously approved version when approving, and updates '
'the version''s status.';

revoke execute on function content.tg_question_transitions__apply() from public;

create or replace trigger apply_transition
before insert on content.question_transitions
for each row
execute function content.tg_question_transitions__apply();
