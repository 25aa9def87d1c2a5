-- Return whether the current user may change a question, which is whether they may change its
-- lesson.

create or replace function content.can_edit_question(p_tenant_id uuid, p_question_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select coalesce(
            (
                select content.can_edit_lesson(q.tenant_id, q.lesson_id)
                from content.questions as q
                where
                    q.tenant_id = p_tenant_id
                    and q.id = p_question_id
            ),
            false
        )
    );
end
$$;

comment on function content.can_edit_question(uuid, uuid) is
'Returns whether the request''s user may change the question''s versions and answer keys, '
'which is whether they may change its lesson (see content.can_edit_lesson).';

revoke execute on function content.can_edit_question(uuid, uuid) from public;
grant execute on function content.can_edit_question(uuid, uuid) to ilp_app;
