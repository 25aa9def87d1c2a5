-- Normalize a fill-in-the-blank answer before it is compared with the accepted answers.

create or replace function learning.normalize_blank_answer(
    p_answer text,
    p_case_sensitive boolean
)
returns text
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    -- Leading and trailing white space is dropped and inner runs become one space, because
    -- students do not see the difference.
    v_answer text := btrim(regexp_replace(p_answer, '[[:space:]]+', ' ', 'g'));
begin
    if coalesce(p_case_sensitive, false) then
        return v_answer;
    end if;

    return lower(v_answer);
end
$$;

comment on function learning.normalize_blank_answer(text, boolean) is
'Returns the answer with leading and trailing white space removed and inner white space '
'collapsed to one space, lowercased (by the database collation) unless p_case_sensitive. '
'Example: (''  New   York '', false) gives ''new york''.';
