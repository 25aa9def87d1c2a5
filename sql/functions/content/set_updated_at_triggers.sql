-- Attach app.tg__set_updated_at() to every content table that has an updated_at column.
-- The function's own file attaches it to the tenancy tables; this file sorts after it.

-- The when clause skips updates that change nothing, so a no-op update keeps updated_at.
-- PostgreSQL rejects that clause on tables with generated columns (lessons, videos and
-- questions), so there every update sets updated_at, even one that changes nothing.
create or replace trigger set_updated_at
before update on content.lessons
for each row
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.lesson_assignments
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.video_groups
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.videos
for each row
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.milestones
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.generation_jobs
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.questions
for each row
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.question_versions
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on content.question_answer_keys
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();
