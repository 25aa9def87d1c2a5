-- Raise the error that names why a student may not see a lesson, or return when they may.

create or replace function learning.require_lesson_visible(
    p_tenant_id uuid,
    p_user_id uuid,
    p_lesson_id uuid
)
returns void
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_status content.lesson_status;
begin
    if learning.can_student_see_lesson(p_tenant_id, p_user_id, p_lesson_id) then
        return;
    end if;

    select l.status
    into v_status
    from content.lessons as l
    where
        l.tenant_id = p_tenant_id
        and l.id = p_lesson_id;

    if v_status is distinct from 'published' then
        raise exception 'lesson % is %, not published',
            p_lesson_id, coalesce(v_status::text, 'missing')
            using
                errcode = 'IL304',
                hint = 'Students see a lesson only while it is published.';
    end if;

    raise exception 'student % attends no class that lesson % is assigned to',
        p_user_id, p_lesson_id
        using
            errcode = 'IL305',
            hint = 'Enroll the student in a class the lesson is assigned to, or assign the lesson '
            'to one of the student''s classes.';
end
$$;

comment on function learning.require_lesson_visible(uuid, uuid, uuid) is
'Returns when learning.can_student_see_lesson() is true; otherwise raises IL304 when the lesson '
'is not published and IL305 when the student has no current enrollment in a class the lesson '
'is assigned to.';
