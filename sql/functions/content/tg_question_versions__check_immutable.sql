-- Freeze a question version once it leaves draft, and let only the review workflow change its
-- status.

create or replace function content.tg_question_versions__check_immutable()
returns trigger
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
declare
    v_ignored_columns text[] := array['status', 'status_changed_at', 'updated_at'];
begin
    if TG_OP = 'DELETE' then
        if OLD.status <> 'draft' then
            raise exception 'version % of question % is %, so it cannot be deleted',
                OLD.version, OLD.question_id, OLD.status
                using
                    errcode = 'IL220',
                    hint = 'Only drafts can be deleted. Retire an approved version instead.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME;
        end if;

        return OLD;
    end if;

    if
        (NEW.tenant_id, NEW.question_id, NEW.version)
        is distinct from (OLD.tenant_id, OLD.question_id, OLD.version)
    then
        raise exception 'the key of version % of question % cannot change',
            OLD.version, OLD.question_id
            using
                errcode = 'IL220',
                hint = 'Insert a new version instead.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    if NEW.status is distinct from OLD.status then
        -- content.tg_question_transitions__apply() changes the status from inside its own
        -- trigger, so a change at trigger depth 1 came from a plain update statement.
        -- NOTE: any other trigger that updates question_versions could change the status too;
        -- only the owner can create one.
        if pg_trigger_depth() < 2 then
            raise exception 'the status of version % of question % changes only through '
                'content.question_transitions', OLD.version, OLD.question_id
                using
                    errcode = 'IL223',
                    hint = 'Insert a row into content.question_transitions, or call '
                    'content.transition_question_version().',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'status';
        end if;
    end if;

    if
        (OLD.status <> 'draft' or NEW.status <> OLD.status)
        and (to_jsonb(NEW) - v_ignored_columns) is distinct from (to_jsonb(OLD) - v_ignored_columns)
    then
        raise exception 'version % of question % is %, so only a draft can be edited',
            OLD.version, OLD.question_id, OLD.status
            using
                errcode = 'IL220',
                hint = 'Insert a new draft version, for example with content.revise_question().',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    return NEW;
end
$$;

comment on function content.tg_question_versions__check_immutable() is
'Trigger function: raises IL220 when a version that is not a draft is edited or deleted, or when '
'a key column changes, and IL223 when the status changes outside '
'content.tg_question_transitions__apply().';

create or replace trigger check_immutable
before update or delete on content.question_versions
for each row
execute function content.tg_question_versions__check_immutable();
