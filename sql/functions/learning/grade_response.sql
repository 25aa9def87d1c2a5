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
    return case p_question_type
        when 'single_choice' then
            case when p_response ->> 'option_id' = p_answer_key ->> 'correct_option_id'
                then 1 else 0 end
        when 'true_false' then
            case when (p_response -> 'value') = (p_answer_key -> 'correct') then 1 else 0 end
        when 'multiple_choice' then
            learning.grade_multiple_choice(
                array(select jsonb_array_elements_text(p_response -> 'option_ids')),
                array(select jsonb_array_elements_text(p_answer_key -> 'correct_option_ids')),
                coalesce((p_answer_key ->> 'partial_credit')::boolean, false)
            )
        when 'fill_in_blanks' then
            learning.grade_fill_in_blanks(p_response -> 'blanks', p_answer_key -> 'blanks')
        when 'numeric' then
            learning.grade_numeric(
                (p_response ->> 'value')::numeric,
                (p_answer_key ->> 'value')::numeric,
                (p_answer_key ->> 'tolerance')::numeric
            )
        when 'ordering' then
            learning.grade_ordering(
                array(select jsonb_array_elements_text(p_response -> 'order')),
                array(select jsonb_array_elements_text(p_answer_key -> 'order')),
                p_ordering_strategy
            )
        when 'matching' then
            learning.grade_matching(
                (
                    select coalesce(jsonb_object_agg(p.value ->> 'left', p.value ->> 'right'), '{}')
                    from jsonb_array_elements(p_response -> 'pairs') as p
                ),
                (
                    select coalesce(jsonb_object_agg(p.value ->> 'left', p.value ->> 'right'), '{}')
                    from jsonb_array_elements(p_answer_key -> 'pairs') as p
                ),
                p_matching_strategy
            )
        when 'hotspot' then
            learning.grade_hotspot(
                (p_response ->> 'x')::numeric,
                (p_response ->> 'y')::numeric,
                p_answer_key -> 'areas'
            )
    end;
end
$$;

comment on function learning.grade_response(
    content.question_type, jsonb, jsonb, learning.ordering_strategy, learning.matching_strategy
) is
'Returns the credit, from 0 to 1, of a response that learning.validate_response() accepted, '
'graded with the answer key (shapes in docs/content.md) and the lesson''s ordering and matching '
'strategies; null for free_text (graded by a teacher) and poll (unscored).';
