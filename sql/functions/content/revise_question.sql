-- Start a new draft version of a question as a copy of its latest version and answer key.

-- Security definer because the answer key is copied, which ilp_app cannot read; it checks that
-- the request's user may edit the question.
create or replace function content.revise_question(p_question_id uuid)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid := app.current_tenant_id();
    v_latest content.question_versions;
    v_new_version integer;
begin
    if v_tenant_id is null or not content.can_edit_question(v_tenant_id, p_question_id) then
        raise exception 'permission denied: user may not edit question %', p_question_id
            using
                errcode = '42501',
                hint = 'Admins edit every question of their tenant, teachers those of the '
                'lessons they wrote.';
    end if;

    select qv.*
    into v_latest
    from content.question_versions as qv
    where
        qv.tenant_id = v_tenant_id
        and qv.question_id = p_question_id
    order by qv.version desc
    limit 1;

    if not found then
        raise exception 'question % has no version to revise', p_question_id
            using
                errcode = 'P0002',
                hint = 'Insert the first version into content.question_versions.';
    end if;

    -- The copy is written by a person, so it carries no generation provenance. A second open
    -- version is rejected by index_question_versions_on_question_id_when_open (23505).
    insert into content.question_versions (
        tenant_id,
        question_id,
        question_type,
        prompt,
        points,
        retry_penalty_points,
        max_attempts,
        hints,
        feedback,
        created_by
    )
    values (
        v_tenant_id,
        p_question_id,
        v_latest.question_type,
        v_latest.prompt,
        v_latest.points,
        v_latest.retry_penalty_points,
        v_latest.max_attempts,
        v_latest.hints,
        v_latest.feedback,
        app.current_user_id()
    )
    returning version into v_new_version;

    insert into content.question_answer_keys (tenant_id, question_id, version, answer_key)
    select k.tenant_id, k.question_id, v_new_version, k.answer_key
    from content.question_answer_keys as k
    where
        k.tenant_id = v_tenant_id
        and k.question_id = p_question_id
        and k.version = v_latest.version;

    return v_new_version;
end
$$;

comment on function content.revise_question(uuid) is
'Inserts a new draft version of a question that the request''s user may edit (42501 otherwise), '
'copying the content and answer key of its latest version, and returns the new version number. '
'Raises 23505 when the question already has a version in draft or in review.';

revoke execute on function content.revise_question(uuid) from public;
grant execute on function content.revise_question(uuid) to ilp_app;
