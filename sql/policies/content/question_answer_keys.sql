-- Privileges and row-level security policies of content.question_answer_keys.
-- No login role has any privilege on this table, so a select by ilp_app, ilp_operator or
-- ilp_analytics fails with 42501 whatever the request context. Teachers and admins reach keys
-- only through the security definer functions content.read_question_answer_key() and
-- content.write_question_answer_key(), which check the request's role. Grading is meant to
-- read keys the same way, through a security definer function.

revoke all on table content.question_answer_keys from ilp_app, ilp_operator, ilp_analytics;

-- ilp_owner runs migrations and the security definer helpers, so it reads and changes every row.
drop policy if exists all_table_owner on content.question_answer_keys;
create policy all_table_owner on content.question_answer_keys
for all
to ilp_owner
using (true)
with check (true);
