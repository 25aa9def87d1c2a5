-- Return the lessons the current user may see as a student, for the policies of students.

-- Security definer so that policies on content tables can call it without the lessons and
-- assignments policies applying inside it (they call it themselves, which would recurse).
-- Policies call it as (select content.current_student_lesson_ids()), once per statement.
create or replace function content.current_student_lesson_ids()
returns uuid[]
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
    select coalesce(array_agg(distinct l.id), '{}')
    from app.current_membership() as c
    inner join content.lesson_assignments as a on c.tenant_id = a.tenant_id
    inner join content.lessons as l on a.tenant_id = l.tenant_id and a.lesson_id = l.id
    where
        c.member_role = 'student'
        and a.class_id = any(app.current_enrolled_class_ids())
        and l.status = 'published'
$$;

comment on function content.current_student_lesson_ids() is
'Returns the ids of the published lessons of the current tenant assigned to a class that the '
'current user, a student, attends now; an empty array for other roles or without a context.';

revoke execute on function content.current_student_lesson_ids() from public;
grant execute on function content.current_student_lesson_ids() to ilp_app;
