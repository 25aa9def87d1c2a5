-- Insert, replace or delete the answer key of a draft question version.

-- Security definer because ilp_app has no privilege on content.question_answer_keys; it checks
-- that the request's user may edit the question. The key's trigger validates it and rejects a
-- change once the version left draft.
create or replace function content.write_question_answer_key(
    p_question_id uuid,
    p_version integer,
    p_answer_key jsonb
)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant_id uuid := app.current_tenant_id();
begin
    if v_tenant_id is null or not content.can_edit_question(v_tenant_id, p_question_id) then
        raise exception 'permission denied: user may not edit question %', p_question_id
            using
                errcode = '42501',
                hint = 'Admins edit every question of their tenant, teachers those of the '
                'lessons they wrote.';
    end if;

    if p_answer_key is null then
        delete from content.question_answer_keys as k
        where
            k.tenant_id = v_tenant_id
            and k.question_id = p_question_id
            and k.version = p_version;

        return;
    end if;

    insert into content.question_answer_keys as k (tenant_id, question_id, version, answer_key)
    values (v_tenant_id, p_question_id, p_version, p_answer_key)
    on conflict on constraint pk_question_answer_keys
    do update set answer_key = excluded.answer_key;
end
$$;

comment on function content.write_question_answer_key(uuid, integer, jsonb) is
'Sets the answer key of a draft version of a question that the request''s user may edit '
'(42501 otherwise), or deletes it when p_answer_key is null. The key''s trigger raises IL211 or '
'IL212 for an invalid key and IL220 when the version is not a draft.';

revoke execute on function content.write_question_answer_key(uuid, integer, jsonb) from public;
grant execute on function content.write_question_answer_key(uuid, integer, jsonb) to ilp_app;
