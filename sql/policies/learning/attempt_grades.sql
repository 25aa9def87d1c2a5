-- Privileges and row-level security policies of learning.attempt_grades.
-- A grade is visible to the members who may read its attempt in learning.question_attempts:
-- the student, their teachers and the admins.
-- NOTE: ilp_app has no insert, update or delete privilege: learning.grade_attempt() records
-- grades, and the history is never changed.

revoke all on table learning.attempt_grades from ilp_app, ilp_operator, ilp_analytics;
grant select on table learning.attempt_grades to ilp_app;
grant select on table learning.attempt_grades to ilp_operator;

-- ilp_owner runs migrations and the security definer functions, so it reads and changes every
-- row.
drop policy if exists all_table_owner on learning.attempt_grades;
create policy all_table_owner on learning.attempt_grades
for all
to ilp_owner
using (true)
with check (true);

-- The subquery runs under the policies of learning.question_attempts.
drop policy if exists select_attempt_reader on learning.attempt_grades;
create policy select_attempt_reader on learning.attempt_grades
for select
to ilp_app
using (
    tenant_id = (select app.current_tenant_id())
    and exists (
        select
        from learning.question_attempts as a
        where
            a.tenant_id = attempt_grades.tenant_id
            and a.id = attempt_grades.attempt_id
    )
);

drop policy if exists select_platform_operator on learning.attempt_grades;
create policy select_platform_operator on learning.attempt_grades
for select
to ilp_operator
using (true);
