-- Record and auto-grade an answer of the request's student to an approved question version.

-- Security definer because the answer key is read here, which no login role may read, and
-- because ilp_app has no privilege to write attempts: every attempt passes these checks.
create or replace function learning.submit_answer(
    p_question_id uuid,
    p_version integer,
    p_response jsonb,
    p_attempt_id uuid default null
)
returns table (
    attempt_id uuid,
    attempt_number smallint,
    status learning.attempt_status,
    outcome learning.answer_outcome,
    score numeric,
    max_score numeric,
    feedback text,
    attempts_remaining integer
)
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid;
    v_user_id uuid;
    v_question record;
    v_attempt_count integer;
    v_attempt learning.question_attempts;
    v_credit numeric;
    v_raw_score numeric;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    -- One statement reads the version, its question and milestone, the answer key, whether the
    -- student may see the lesson, how far they watched the milestone's video, and the lesson's
    -- grading rules.
    select
        qv.question_type,
        qv.prompt,
        qv.points,
        qv.retry_penalty_points,
        qv.max_attempts,
        qv.feedback,
        qv.status,
        q.lesson_id,
        ms.video_id,
        ms.position_ms,
        k.answer_key,
        l.status = 'published' and exists (
            select
            from content.lesson_assignments as a
            inner join tenancy.enrollments as e
                on a.tenant_id = e.tenant_id and a.class_id = e.class_id
            where
                a.tenant_id = l.tenant_id
                and a.lesson_id = l.id
                and e.user_id = v_user_id
                and (e.ended_at is null or e.ended_at > now())
        ) as is_visible,
        p.watched_segments,
        -- The defaults of the columns of learning.lesson_settings.
        coalesce(ls.grade_policy, 'highest') as grade_policy,
        coalesce(ls.ordering_strategy, 'pairwise') as ordering_strategy,
        coalesce(ls.matching_strategy, 'per_pair') as matching_strategy
    into v_question
    from content.question_versions as qv
    inner join content.questions as q
        on qv.tenant_id = q.tenant_id and qv.question_id = q.id
    inner join content.milestones as ms
        on q.tenant_id = ms.tenant_id and q.milestone_id = ms.id
    inner join content.lessons as l
        on q.tenant_id = l.tenant_id and q.lesson_id = l.id
    left join content.question_answer_keys as k
        on qv.tenant_id = k.tenant_id and qv.question_id = k.question_id and qv.version = k.version
    left join learning.video_progress as p
        on ms.tenant_id = p.tenant_id and p.user_id = v_user_id and ms.video_id = p.video_id
    left join learning.lesson_settings as ls
        on q.tenant_id = ls.tenant_id and q.lesson_id = ls.lesson_id
    where
        qv.tenant_id = v_tenant_id
        and qv.question_id = p_question_id
        and qv.version = p_version;

    if not found then
        raise exception 'version % of question % not found in tenant %',
            coalesce(p_version::text, 'null'), coalesce(p_question_id::text, 'null'), v_tenant_id
            using errcode = 'IL320';
    end if;

    if not v_question.is_visible then
        perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_question.lesson_id);
    end if;

    if v_question.status <> 'approved' then
        raise exception 'version % of question % is %, and only approved versions can be '
            'answered',
            p_version, p_question_id, v_question.status
            using
                errcode = 'IL321',
                hint = 'Answer the approved version of the question.';
    end if;

    if not learning.has_reached_position(v_question.watched_segments, v_question.position_ms) then
        raise exception 'student % has not watched video % up to % ms, where the question''s '
            'milestone is',
            v_user_id, v_question.video_id, v_question.position_ms
            using
                errcode = 'IL322',
                hint = 'Record the progress events of the watching before the answer.';
    end if;

    perform learning.validate_response(v_question.question_type, v_question.prompt, p_response);

    -- The results row is the lock that orders the attempts of one student on one version. A
    -- concurrent submission waits here, then counts this one's attempt. The first attempt
    -- inserts the row; a concurrent first attempt then finds it and waits for its lock.
    select r.attempt_count
    into v_attempt_count
    from learning.question_results as r
    where
        r.tenant_id = v_tenant_id
        and r.user_id = v_user_id
        and r.question_id = p_question_id
        and r.question_version = p_version
    for update;

    if not found then
        insert into learning.question_results (
            tenant_id, user_id, question_id, question_version, lesson_id, grade_policy, max_score
        )
        values (
            v_tenant_id,
            v_user_id,
            p_question_id,
            p_version,
            v_question.lesson_id,
            v_question.grade_policy,
            v_question.points
        )
        on conflict on constraint pk_question_results do nothing;

        select r.attempt_count
        into strict v_attempt_count
        from learning.question_results as r
        where
            r.tenant_id = v_tenant_id
            and r.user_id = v_user_id
            and r.question_id = p_question_id
            and r.question_version = p_version
        for update;
    end if;

    -- A submission retried with the same attempt id returns the attempt it made, whatever the
    -- new response.
    if p_attempt_id is not null then
        select a.*
        into v_attempt
        from learning.question_attempts as a
        where
            a.tenant_id = v_tenant_id
            and a.id = p_attempt_id;

        if found then
            if
                v_attempt.user_id <> v_user_id
                or v_attempt.question_id <> p_question_id
                or v_attempt.question_version <> p_version
            then
                raise exception 'attempt id % is already used by another attempt', p_attempt_id
                    using
                        errcode = 'IL325',
                        hint = 'Generate a new attempt id for each new submission.';
            end if;

            return query
            select
                v_attempt.id,
                v_attempt.attempt_number,
                v_attempt.status,
                v_attempt.outcome,
                v_attempt.score,
                v_attempt.max_score,
                v_attempt.feedback,
                (v_question.max_attempts - v_attempt_count)::integer;

            return;
        end if;
    end if;

    if v_attempt_count >= v_question.max_attempts then
        raise exception 'student % has used all % attempts on version % of question %',
            v_user_id, v_question.max_attempts, p_version, p_question_id
            using errcode = 'IL324';
    end if;

    v_attempt.tenant_id := v_tenant_id;
    v_attempt.id := coalesce(p_attempt_id, app.uuid_v7());
    v_attempt.user_id := v_user_id;
    v_attempt.question_id := p_question_id;
    v_attempt.question_version := p_version;
    v_attempt.attempt_number := v_attempt_count + 1;
    v_attempt.response := p_response;
    v_attempt.max_score := v_question.points;
    v_attempt.penalty_points := 0;

    v_credit := learning.grade_response(
        v_question.question_type,
        v_question.answer_key,
        p_response,
        v_question.ordering_strategy,
        v_question.matching_strategy
    );

    if v_question.question_type = 'free_text' then
        v_attempt.status := 'needs_grading';
    elsif v_question.question_type = 'poll' then
        v_attempt.status := 'graded';
        v_attempt.auto_score := 0;
        v_attempt.score := 0;
        v_attempt.graded_at := now();
    else
        v_attempt.status := 'graded';
        v_attempt.outcome := case
            when v_credit >= 1 then 'correct'
            when v_credit > 0 then 'partially_correct'
            else 'incorrect'
        end;
        v_raw_score := round(v_credit * v_question.points, 2);
        v_attempt.auto_score := learning.apply_retry_penalty(
            v_credit,
            v_question.points,
            v_question.retry_penalty_points,
            v_attempt.attempt_number
        );
        v_attempt.penalty_points := v_raw_score - v_attempt.auto_score;
        v_attempt.score := v_attempt.auto_score;
        v_attempt.graded_at := now();
        v_attempt.feedback := v_question.feedback ->> v_attempt.outcome::text;
    end if;

    insert into learning.question_attempts (
        tenant_id,
        id,
        user_id,
        question_id,
        question_version,
        attempt_number,
        response,
        status,
        outcome,
        auto_score,
        penalty_points,
        score,
        max_score,
        feedback,
        graded_at
    )
    values (
        v_attempt.tenant_id,
        v_attempt.id,
        v_attempt.user_id,
        v_attempt.question_id,
        v_attempt.question_version,
        v_attempt.attempt_number,
        v_attempt.response,
        v_attempt.status,
        v_attempt.outcome,
        v_attempt.auto_score,
        v_attempt.penalty_points,
        v_attempt.score,
        v_attempt.max_score,
        v_attempt.feedback,
        v_attempt.graded_at
    );

    -- The row is locked since the count above, so the new attempt updates it in place. Only
    -- the average needs every score, so it is recomputed from the attempts, as it is when the
    -- row's policy is not the lesson's (a policy change committed meanwhile).
    update learning.question_results as r
    set
        attempt_count = r.attempt_count + 1,
        graded_count = r.graded_count + (v_attempt.status = 'graded')::integer,
        pending_count = r.pending_count + (v_attempt.status = 'needs_grading')::integer,
        current_score = case r.grade_policy
            when 'highest' then greatest(r.current_score, v_attempt.score)
            when 'latest' then coalesce(v_attempt.score, r.current_score)
            when 'first' then coalesce(r.current_score, v_attempt.score)
        end,
        last_submitted_at = now()
    where
        r.tenant_id = v_tenant_id
        and r.user_id = v_user_id
        and r.question_id = p_question_id
        and r.question_version = p_version
        and r.grade_policy = v_question.grade_policy
        and r.grade_policy <> 'average';

    if not found then
        perform learning.refresh_question_result(
            v_tenant_id, v_user_id, p_question_id, p_version, v_question.grade_policy
        );
    end if;

    return query
    select
        v_attempt.id,
        v_attempt.attempt_number,
        v_attempt.status,
        v_attempt.outcome,
        v_attempt.score,
        v_attempt.max_score,
        v_attempt.feedback,
        (v_question.max_attempts - v_attempt.attempt_number)::integer;
end
$$;

comment on function learning.submit_answer(uuid, integer, jsonb, uuid) is
'Records the request''s student''s answer to an approved question version, grades it when its '
'type allows (free_text waits for a teacher, poll is unscored) and returns the attempt''s id, '
'number, status, outcome, score, maximum, feedback and remaining attempts (null: unlimited). '
'p_attempt_id makes a retried submission return the same attempt. Raises IL300 or IL301 (no '
'student context), IL320 (version not found), IL304 or IL305 (lesson not visible), IL321 (not '
'approved), IL322 (milestone not watched up to), IL323 (invalid response), IL324 (no attempt '
'left) and IL325 (attempt id used by another attempt).';

revoke execute on function learning.submit_answer(uuid, integer, jsonb, uuid) from public;
grant execute on function learning.submit_answer(uuid, integer, jsonb, uuid) to ilp_app;
