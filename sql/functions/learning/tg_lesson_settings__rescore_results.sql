-- Recompute the current scores of a lesson's questions when its grade policy changes.

-- Security definer because the teacher who changes the policy has no privilege to write
-- learning.question_results, whose scores must follow the policy.
create or replace function learning.tg_lesson_settings__rescore_results()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_lesson_settings learning.lesson_settings := case when TG_OP = 'DELETE' then OLD else NEW end;
    v_grade_policy learning.grade_policy := case
        when TG_OP = 'DELETE' then 'highest'
        else NEW.grade_policy
    end;
    v_result record;
begin
    if TG_OP = 'UPDATE' and OLD.grade_policy = NEW.grade_policy then
        return null;
    end if;

    for v_result in
        select r.user_id, r.question_id, r.question_version
        from learning.question_results as r
        where
            r.tenant_id = v_lesson_settings.tenant_id
            and r.lesson_id = v_lesson_settings.lesson_id
            and r.grade_policy <> v_grade_policy
        order by r.user_id, r.question_id, r.question_version
    loop
        perform learning.refresh_question_result(
            v_lesson_settings.tenant_id,
            v_result.user_id,
            v_result.question_id,
            v_result.question_version,
            v_grade_policy
        );
    end loop;

    return null;
end
$$;

comment on function learning.tg_lesson_settings__rescore_results() is
'Trigger function: after a lesson''s learning.lesson_settings row is inserted, deleted or its '
'grade_policy changes, recomputes the current score of every learning.question_results row of '
'the lesson under the new policy (highest once the row is deleted).';

revoke execute on function learning.tg_lesson_settings__rescore_results() from public;

create or replace trigger rescore_results
after insert or update of grade_policy or delete on learning.lesson_settings
for each row
execute function learning.tg_lesson_settings__rescore_results();
