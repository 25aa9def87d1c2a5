-- Return whether a student may see a lesson now: it is published and assigned to a class that
-- the student attends now.

-- The same rule as content.current_student_lesson_ids(), written for one lesson so that it costs
-- a few index probes (lessons, lesson_assignments by lesson, enrollments by class and user)
-- instead of collecting every lesson of the student. PL/pgSQL rather than SQL so that the plan
-- is kept between calls.
create or replace function learning.can_student_see_lesson(
    p_tenant_id uuid,
    p_user_id uuid,
    p_lesson_id uuid
)
returns boolean
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    return exists (
        select
        from content.lessons as l
        inner join content.lesson_assignments as a
            on l.tenant_id = a.tenant_id and l.id = a.lesson_id
        inner join tenancy.enrollments as e
            on a.tenant_id = e.tenant_id and a.class_id = e.class_id
        where
            l.tenant_id = p_tenant_id
            and l.id = p_lesson_id
            and l.status = 'published'
            and e.user_id = p_user_id
            and (e.ended_at is null or e.ended_at > now())
    );
end
$$;

comment on function learning.can_student_see_lesson(uuid, uuid, uuid) is
'Returns whether the lesson is published and assigned to a class in which the user has a '
'current enrollment (ended_at null or in the future). Reads under the caller''s policies.';
