-- Grade a fill-in-the-blanks answer: the share of blanks filled with an accepted answer.

create or replace function learning.grade_fill_in_blanks(
    p_answers jsonb,
    p_key_blanks jsonb
)
returns numeric
language plpgsql
immutable
parallel safe
security invoker
set search_path = pg_catalog, pg_temp
as $$
declare
    v_blank jsonb;
    v_case_sensitive boolean;
    v_answer text;
    v_blank_count integer := 0;
    v_correct_count integer := 0;
begin
    for v_blank in select b.value from jsonb_array_elements(p_key_blanks) as b loop
        v_blank_count := v_blank_count + 1;
        v_case_sensitive := coalesce((v_blank ->> 'case_sensitive')::boolean, false);
        v_answer := learning.normalize_blank_answer(
            p_answers ->> (v_blank ->> 'id'), v_case_sensitive
        );

        if
            exists (
                select
                from jsonb_array_elements_text(v_blank -> 'accepted') as a (accepted)
                where learning.normalize_blank_answer(a.accepted, v_case_sensitive) = v_answer
            )
        then
            v_correct_count := v_correct_count + 1;
        end if;
    end loop;

    if v_blank_count = 0 then
        return 0;
    end if;

    return round(v_correct_count::numeric / v_blank_count, 6);
end
$$;

comment on function learning.grade_fill_in_blanks(jsonb, jsonb) is
'Returns the credit of a fill-in-the-blanks answer, rounded to 6 decimal places: the share of '
'the answer key''s blanks (p_key_blanks, an array of {id, accepted, case_sensitive}) whose '
'answer in p_answers (an object of blank id to text) equals an accepted answer after '
'learning.normalize_blank_answer(). A missing answer is wrong.';
