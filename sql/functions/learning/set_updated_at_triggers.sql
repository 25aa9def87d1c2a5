-- Attach app.tg__set_updated_at() to the learning tables whose rows ilp_app changes directly or
-- through functions that do not set updated_at themselves.
-- learning.video_progress has no such trigger: learning.merge_video_progress(), its only writer,
-- sets updated_at in the same statement, which saves a trigger call per ingest.

-- The when clause skips updates that change nothing, so a no-op update keeps updated_at.
create or replace trigger set_updated_at
before update on learning.lesson_settings
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on learning.video_settings
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on learning.playback_sessions
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on learning.question_attempts
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();

create or replace trigger set_updated_at
before update on learning.question_results
for each row
when (old.* is distinct from new.*)
execute function app.tg__set_updated_at();
