-- Give or override the score of an attempt as a teacher or admin of the request.

-- Security definer because ilp_app has no privilege to write attempts or grades: this function
-- checks that the request's user may grade the student, and records who graded and when.
create or replace function learning.grade_attempt(
    p_attempt_id uuid,
    p_score numeric,
    p_feedback text default null
)
returns learning.question_attempts
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_context record;
    v_attempt learning.question_attempts;
    v_lesson_id uuid;
    v_settings record;
begin
    select c.tenant_id, c.user_id, c.member_role
    into v_context
    from app.current_membership() as c;

    if v_context.tenant_id is null then
        raise exception 'no request context: grading acts for a signed-in teacher or admin'
            using
                errcode = 'IL300',
                hint = 'Call app.begin_request(tenant_id, user_id) first in the transaction.';
    end if;

    if v_context.member_role not in ('teacher', 'admin') then
        raise exception 'user % is a % of tenant %, and only teachers and admins grade attempts',
            v_context.user_id, v_context.member_role, v_context.tenant_id
            using errcode = 'IL301';
    end if;

    select a.*
    into v_attempt
    from learning.question_attempts as a
    where
        a.tenant_id = v_context.tenant_id
        and a.id = p_attempt_id;

    if not found then
        raise exception 'attempt % not found in tenant %',
            coalesce(p_attempt_id::text, 'null'), v_context.tenant_id
            using errcode = 'IL330';
    end if;

    -- A teacher grades the students of the classes they teach now, the attempts that the
    -- policies let them read. An admin grades every student of the tenant.
    if
        v_context.member_role = 'teacher'
        and not exists (
            select
            from tenancy.class_teachers as ct
            inner join tenancy.enrollments as e
                on ct.tenant_id = e.tenant_id and ct.class_id = e.class_id
            where
                ct.tenant_id = v_context.tenant_id
                and ct.user_id = v_context.user_id
                and (ct.ended_at is null or ct.ended_at > now())
                and e.user_id = v_attempt.user_id
                and (e.ended_at is null or e.ended_at > now())
        )
    then
        raise exception 'teacher % teaches no class of student %, who made attempt %',
            v_context.user_id, v_attempt.user_id, p_attempt_id
            using errcode = 'IL331';
    end if;

    if p_score is null or p_score < 0 or p_score > v_attempt.max_score then
        raise exception 'score % is outside the range of attempt %, from 0 to %',
            coalesce(p_score::text, 'null'), p_attempt_id, v_attempt.max_score
            using errcode = 'IL332';
    end if;

    if p_score <> round(p_score, 2) then
        raise exception 'score % has more than 2 decimal places', p_score
            using errcode = 'IL332';
    end if;

    select q.lesson_id
    into v_lesson_id
    from content.questions as q
    where
        q.tenant_id = v_attempt.tenant_id
        and q.id = v_attempt.question_id;

    select *
    into v_settings
    from learning.effective_settings(v_attempt.tenant_id, v_lesson_id);

    -- Locks in the order learning.submit_answer() takes them: the results row, then the
    -- attempt.
    perform
    from learning.question_results as r
    where
        r.tenant_id = v_attempt.tenant_id
        and r.user_id = v_attempt.user_id
        and r.question_id = v_attempt.question_id
        and r.question_version = v_attempt.question_version
    for update;

    select a.*
    into v_attempt
    from learning.question_attempts as a
    where
        a.tenant_id = v_context.tenant_id
        and a.id = p_attempt_id
    for update;

    insert into learning.attempt_grades (
        tenant_id, attempt_id, score, previous_score, feedback, graded_by
    )
    values (
        v_attempt.tenant_id,
        v_attempt.id,
        p_score,
        v_attempt.score,
        p_feedback,
        v_context.user_id
    );

    update learning.question_attempts as a
    set
        status = 'graded',
        score = p_score,
        feedback = coalesce(p_feedback, a.feedback),
        graded_by = v_context.user_id,
        graded_at = now()
    where
        a.tenant_id = v_attempt.tenant_id
        and a.id = v_attempt.id
    returning a.* into v_attempt;

    perform learning.refresh_question_result(
        v_attempt.tenant_id,
        v_attempt.user_id,
        v_attempt.question_id,
        v_attempt.question_version,
        v_settings.grade_policy
    );

    return v_attempt;
end
$$;

comment on function learning.grade_attempt(uuid, numeric, text) is
'Gives an attempt a score from 0 to its max_score with at most 2 decimal places, as the '
'request''s teacher (of a class the student attends now) or admin: a first grade of a free-text '
'answer or an override of any score. Records the grade, who gave it and when in '
'learning.attempt_grades, updates the attempt (keeping its feedback when p_feedback is null) '
'and the student''s current score, and returns the attempt. Raises IL300 (no context), IL301 '
'(not a teacher or admin), IL330 (attempt not found), IL331 (teacher of none of the student''s '
'classes) and IL332 (score out of range).';

revoke execute on function learning.grade_attempt(uuid, numeric, text) from public;
grant execute on function learning.grade_attempt(uuid, numeric, text) to ilp_app;
