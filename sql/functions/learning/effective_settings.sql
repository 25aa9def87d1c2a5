-- Return the completion and grading rules that apply to a lesson, or to one video of it.

create or replace function learning.effective_settings(
    p_tenant_id uuid,
    p_lesson_id uuid,
    p_video_id uuid default null,
    out completion_threshold numeric,
    out grade_policy learning.grade_policy,
    out ordering_strategy learning.ordering_strategy,
    out matching_strategy learning.matching_strategy
)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_video_threshold numeric;
begin
    select
        ls.completion_threshold,
        ls.grade_policy,
        ls.ordering_strategy,
        ls.matching_strategy
    into completion_threshold, grade_policy, ordering_strategy, matching_strategy
    from learning.lesson_settings as ls
    where
        ls.tenant_id = p_tenant_id
        and ls.lesson_id = p_lesson_id;

    -- The defaults of the columns of learning.lesson_settings, for a lesson without a row.
    if not found then
        completion_threshold := 0.9;
        grade_policy := 'highest';
        ordering_strategy := 'pairwise';
        matching_strategy := 'per_pair';
    end if;

    if p_video_id is not null then
        select vs.completion_threshold
        into v_video_threshold
        from learning.video_settings as vs
        where
            vs.tenant_id = p_tenant_id
            and vs.video_id = p_video_id;

        if found then
            completion_threshold := v_video_threshold;
        end if;
    end if;
end
$$;

comment on function learning.effective_settings(uuid, uuid, uuid) is
'Returns one row with the completion threshold (the video''s override, else the lesson''s, else '
'0.9), the grade policy (default highest), the ordering strategy (default pairwise) and the '
'matching strategy (default per_pair) of a lesson and, optionally, one of its videos.';
