-- Return where the request's student should resume a video, and the next milestone from there.

-- Security definer so that it costs a fixed handful of index probes, whatever the caller's
-- policies would add. It checks the tenant, the student and the video's visibility itself, with
-- the rule of learning.can_student_see_lesson() written into its query.
create or replace function learning.resume_position(p_video_id uuid)
returns table (
    position_ms integer,
    furthest_position_ms integer,
    watched_fraction numeric,
    completed_at timestamptz,
    last_device_id text,
    next_milestone_id uuid,
    next_milestone_position_ms integer,
    next_milestone_kind content.milestone_kind
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid;
    v_user_id uuid;
    v_lesson_id uuid;
    v_is_visible boolean;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    select
        v.lesson_id,
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
        )
    into v_lesson_id, v_is_visible
    from content.videos as v
    inner join content.lessons as l on v.tenant_id = l.tenant_id and v.lesson_id = l.id
    where
        v.tenant_id = v_tenant_id
        and v.id = p_video_id;

    if not found then
        raise exception 'video % not found in tenant %', p_video_id, v_tenant_id
            using errcode = 'IL303';
    end if;

    if not v_is_visible then
        perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_lesson_id);
    end if;

    -- A video never watched has no progress row: it resumes at 0.
    select
        coalesce(p.last_position_ms, 0),
        coalesce(p.furthest_position_ms, 0),
        coalesce(p.watched_fraction, 0),
        p.completed_at,
        p.last_device_id,
        m.id,
        m.position_ms,
        m.kind
    into
        position_ms,
        furthest_position_ms,
        watched_fraction,
        completed_at,
        last_device_id,
        next_milestone_id,
        next_milestone_position_ms,
        next_milestone_kind
    from (select) as single_row
    left join learning.video_progress as p
        on
            p.tenant_id = v_tenant_id
            and p.user_id = v_user_id
            and p.video_id = p_video_id
    -- The unique key (tenant_id, video_id, position_ms, sort_order) of milestones serves this
    -- as one index probe.
    left join lateral (
        select
            ms.id,
            ms.position_ms,
            ms.kind
        from content.milestones as ms
        where
            ms.tenant_id = v_tenant_id
            and ms.video_id = p_video_id
            and ms.position_ms >= coalesce(p.last_position_ms, 0)
        order by ms.position_ms, ms.sort_order
        limit 1
    ) as m on true;

    return next;
end
$$;

comment on function learning.resume_position(uuid) is
'Returns one row for the request''s student and a video: the resume point, furthest position, '
'watched fraction, completion time and device of their latest event (0, 0, 0, null, null '
'before any event), and the first milestone at or after the resume point (nulls when there is '
'none). Raises IL300 or IL301 (no student context), IL303 (video not in the tenant), IL304 or '
'IL305 (video not visible to the student). Example: select * from '
'learning.resume_position(''<video id>'');';

revoke execute on function learning.resume_position(uuid) from public;
grant execute on function learning.resume_position(uuid) to ilp_app;
