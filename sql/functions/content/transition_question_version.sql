-- Change the review status of a question version in the request's tenant.

create or replace function content.transition_question_version(
    p_question_id uuid,
    p_version integer,
    p_to_status content.question_status,
    p_reason text default null
)
returns content.question_transitions
language plpgsql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid := app.current_tenant_id();
    v_transition content.question_transitions;
begin
    if v_tenant_id is null then
        raise exception 'changing the status of a question needs a request context'
            using
                errcode = 'IL222',
                hint = 'Call app.begin_request(tenant_id, user_id) first.';
    end if;

    insert into content.question_transitions (
        tenant_id, question_id, version, to_status, reason
    )
    values (v_tenant_id, p_question_id, p_version, p_to_status, p_reason)
    returning * into v_transition;

    return v_transition;
end
$$;

comment on function content.transition_question_version(
    uuid, integer, content.question_status, text
) is
'Changes the status of a question version of the request''s tenant by inserting a row into '
'content.question_transitions, whose trigger checks it (IL221 illegal change, IL222 actor not '
'a teacher or admin, IL214 no answer key), and returns that row. p_reason is required for a '
'rejection. Example: select content.transition_question_version(id, 1, ''in_review'').';

grant execute on function content.transition_question_version(
    uuid, integer, content.question_status, text
) to ilp_app;
