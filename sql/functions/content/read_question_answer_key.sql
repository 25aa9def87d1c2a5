-- Return the answer key of a question version to a teacher or admin of its tenant.

-- Security definer because ilp_app has no privilege on content.question_answer_keys: this
-- function and content.write_question_answer_key() are the only ways the backend reaches keys,
-- and both check the request's role themselves.
create or replace function content.read_question_answer_key(
    p_question_id uuid,
    p_version integer
)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid := app.current_tenant_id();
    v_answer_key jsonb;
begin
    if
        v_tenant_id is null
        or app.current_member_role() is distinct from 'teacher'
        and app.current_member_role() is distinct from 'admin'
    then
        raise exception 'permission denied: only teachers and admins read answer keys'
            using
                errcode = '42501',
                hint = 'Call app.begin_request() as a teacher or admin of the tenant.';
    end if;

    select k.answer_key
    into v_answer_key
    from content.question_answer_keys as k
    where
        k.tenant_id = v_tenant_id
        and k.question_id = p_question_id
        and k.version = p_version;

    return v_answer_key;
end
$$;

comment on function content.read_question_answer_key(uuid, integer) is
'Returns the answer key of a question version of the request''s tenant, or null when it has '
'none. Raises 42501 unless the request''s user is a teacher or admin.';

revoke execute on function content.read_question_answer_key(uuid, integer) from public;
grant execute on function content.read_question_answer_key(uuid, integer) to ilp_app;
