-- Let an answer key change only while its version is a draft, and validate it against the
-- version's type and prompt.

-- Security definer because only the owner may run content.validate_question_answer_key(), and
-- so that the lock below works for every caller. The errors name fields, never key values.
create or replace function content.tg_question_answer_keys__check_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_key_row content.question_answer_keys;
    v_question_type content.question_type;
    v_prompt jsonb;
    v_status content.question_status;
begin
    if TG_OP = 'DELETE' then
        v_key_row := OLD;
    else
        v_key_row := NEW;
    end if;

    if
        TG_OP = 'UPDATE'
        and (NEW.tenant_id, NEW.question_id, NEW.version)
        is distinct from (OLD.tenant_id, OLD.question_id, OLD.version)
    then
        raise exception 'an answer key cannot move to another question version'
            using
                errcode = 'IL220',
                hint = 'Delete the draft''s key and insert one for the other version.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    -- Locked for share so that a concurrent submission for review, which locks the version for
    -- update, cannot freeze the version between this check and the change of the key.
    select qv.question_type, qv.prompt, qv.status
    into v_question_type, v_prompt, v_status
    from content.question_versions as qv
    where
        qv.tenant_id = v_key_row.tenant_id
        and qv.question_id = v_key_row.question_id
        and qv.version = v_key_row.version
    for share;

    -- A missing version is left to the foreign key; a version deleted by a cascade is a draft.
    if not found then
        return v_key_row;
    end if;

    if v_status <> 'draft' then
        raise exception 'version % of question % is %, so its answer key cannot change',
            v_key_row.version, v_key_row.question_id, v_status
            using
                errcode = 'IL220',
                hint = 'Insert a new draft version, for example with content.revise_question().',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    if TG_OP <> 'DELETE' then
        perform content.validate_question_answer_key(
            v_question_type::text, v_prompt, NEW.answer_key
        );
    end if;

    return v_key_row;
end
$$;

comment on function content.tg_question_answer_keys__check_change() is
'Trigger function: raises IL220 when the answer key of a version that is not a draft is '
'inserted, changed or deleted, or when a key moves to another version, and validates the key '
'against the version''s type and prompt (IL211, IL212). Locks the version row for share.';

revoke execute on function content.tg_question_answer_keys__check_change() from public;

create or replace trigger check_change
before insert or update or delete on content.question_answer_keys
for each row
execute function content.tg_question_answer_keys__check_change();
