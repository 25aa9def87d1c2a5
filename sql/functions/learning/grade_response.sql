-- Compute the credit of a validated response from its question's answer key.

create or replace function learning.grade_response(
    p_question_type content.question_type,
    p_answer_key jsonb,
    p_response jsonb,
    p_ordering_strategy learning.ordering_strategy,
    p_matching_strategy learning.matching_strategy
)
returns numeric
language plpgsql
immutable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
    -- One branch per type, so that only the expressions of the answered type are prepared.
    if p_question_type = 'single_choice' then
        return case
            when p_response ->> 'option_id' = p_answer_key ->> 'correct_option_id' then 1
            else 0
        end;
    elsif p_question_type = 'true_false' then
        return case when (p_response -> 'value') = (p_answer_key -> 'correct') then 1 else 0 end;
    elsif p_question_type = 'multiple_choice' then
        return learning.grade_multiple_choice(
            array(select jsonb_array_elements_text(p_response -> 'option_ids')),
            array(select jsonb_array_elements_text(p_answer_key -> 'correct_option_ids')),
            coalesce((p_answer_key ->> 'partial_credit')::boolean, false)
        );
    elsif p_question_type = 'fill_in_blanks' then
        return learning.grade_fill_in_blanks(p_response -> 'blanks', p_answer_key -> 'blanks');
    elsif p_question_type = 'numeric' then
        return learning.grade_numeric(
            (p_response ->> 'value')::numeric,
            (p_answer_key ->> 'value')::numeric,
            (p_answer_key ->> 'tolerance')::numeric
        );
    elsif p_question_type = 'ordering' then
        return learning.grade_ordering(
            array(select jsonb_array_elements_text(p_response -> 'order')),
            array(select jsonb_array_elements_text(p_answer_key -> 'order')),
            p_ordering_strategy
        );
    elsif p_question_type = 'matching' then
        return learning.grade_matching(
            (
                select coalesce(jsonb_object_agg(p.value ->> 'left', p.value ->> 'right'), '{}')
                from jsonb_array_elements(p_response -> 'pairs') as p
            ),
            (
                select coalesce(jsonb_object_agg(p.value ->> 'left', p.value ->> 'right'), '{}')
                from jsonb_array_elements(p_answer_key -> 'pairs') as p
            ),
            p_matching_strategy
        );
    elsif p_question_type = 'hotspot' then
        return learning.grade_hotspot(
            (p_response ->> 'x')::numeric,
            (p_response ->> 'y')::numeric,
            p_answer_key -> 'areas'
        );
    end if;

    -- free_text waits for a teacher and poll is unscored.
    return null;
end
$$;

comment on function learning.grade_response(
    content.question_type, jsonb, jsonb, learning.ordering_strategy, learning.matching_strategy
) is
'Returns the credit, from 0 to 1, of a response that learning.validate_response() accepted, '
'graded with the answer key (shapes in docs/content.md) and the lesson''s ordering and matching '
'strategies; null for free_text (graded by a teacher) and poll (unscored).';
