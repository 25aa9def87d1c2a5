-- Return whether a question of the current tenant has an approved version, for the policies of
-- students.

-- Security definer because the student policy of content.questions calls it, and the student
-- policy of content.question_versions reads content.questions: checking through the caller's
-- policies would recurse.
create or replace function content.has_approved_version(p_tenant_id uuid, p_question_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    return (
        select exists (
            select
            from app.current_membership() as c
            inner join content.question_versions as qv on c.tenant_id = qv.tenant_id
            where
                qv.tenant_id = p_tenant_id
                and qv.question_id = p_question_id
                and qv.status = 'approved'
        )
    );
end
$$;

comment on function content.has_approved_version(uuid, uuid) is
'Returns whether the question, in the request''s tenant, has a version in status approved; false '
'for another tenant or without a context.';

revoke execute on function content.has_approved_version(uuid, uuid) from public;
grant execute on function content.has_approved_version(uuid, uuid) to ilp_app;
