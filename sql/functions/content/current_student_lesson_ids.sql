-- Return the lessons the current user may see as a student, for the policies of students.

-- Security definer so that policies on content tables can call it without the lessons and
-- assignments policies applying inside it (they call it themselves, which would recurse).
-- Policies call it as (select content.current_student_lesson_ids()), once per statement.
create or replace function content.current_student_lesson_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        -- The CTE is materialized so that the student's classes are looked up once: inlined, the
        -- planner calls app.current_enrolled_class_ids() again for every assignment it checks.
        with student as materialized (
            select
                c.tenant_id,
                app.current_enrolled_class_ids() as class_ids
            from app.current_membership() as c
            where c.member_role = 'student'
        )

        select coalesce(array_agg(distinct l.id), '{}')
        from student as s
        inner join content.lesson_assignments as a
            on s.tenant_id = a.tenant_id and a.class_id = any(s.class_ids)
        inner join content.lessons as l on a.tenant_id = l.tenant_id and a.lesson_id = l.id
        where l.status = 'published'
    );
end
$$;

comment on function content.current_student_lesson_ids() is
'Returns the ids of the published lessons of the current tenant assigned to a class that the '
'current user, a student, attends now; an empty array for other roles or without a context.';

revoke execute on function content.current_student_lesson_ids() from public;
grant execute on function content.current_student_lesson_ids() to ilp_app;
