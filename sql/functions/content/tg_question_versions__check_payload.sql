-- Validate the prompt of a question version, and its answer key against a changed prompt.

-- Security definer because the answer key is read here, and the owner alone may run
-- content.validate_question_answer_key(). The errors name fields, never key values.
create or replace function content.tg_question_versions__check_payload()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_answer_key jsonb;
begin
    perform content.validate_question_prompt(NEW.question_type::text, NEW.prompt);

    if TG_OP = 'UPDATE' then
        select k.answer_key
        into v_answer_key
        from content.question_answer_keys as k
        where
            k.tenant_id = NEW.tenant_id
            and k.question_id = NEW.question_id
            and k.version = NEW.version;

        if found then
            perform content.validate_question_answer_key(
                NEW.question_type::text, NEW.prompt, v_answer_key
            );
        end if;
    end if;

    return NEW;
end
$$;

comment on function content.tg_question_versions__check_payload() is
'Trigger function: validates the prompt of a question version (IL210) and, when an update '
'changes the type or prompt of a version that has an answer key, the key against it (IL211, '
'IL212).';

revoke execute on function content.tg_question_versions__check_payload() from public;

create or replace trigger check_payload
before insert or update of question_type, prompt on content.question_versions
for each row
execute function content.tg_question_versions__check_payload();
