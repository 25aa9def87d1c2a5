-- Return whether the current user may change a lesson and everything in it.

-- Security definer so that write policies of the tables under a lesson can check the lesson's
-- author whatever the caller's select policies show.
create or replace function content.can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select exists (
            select
            from app.current_membership() as c
            inner join content.lessons as l on c.tenant_id = l.tenant_id
            where
                l.tenant_id = p_tenant_id
                and l.id = p_lesson_id
                and (
                    c.member_role = 'admin'
                    or (c.member_role = 'teacher' and l.author_id = c.user_id)
                )
        )
    );
end
$$;

comment on function content.can_edit_lesson(uuid, uuid) is
'Returns whether the request''s user may change the lesson and its groups, videos, milestones '
'and questions: an admin of the lesson''s tenant, or the teacher who wrote it.';

revoke execute on function content.can_edit_lesson(uuid, uuid) from public;
grant execute on function content.can_edit_lesson(uuid, uuid) to ilp_app;
