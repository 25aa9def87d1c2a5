-- Schema of a fresh ilp-db install, written by `ilp-db dump-schema`: do not edit by hand.
-- It is checked by `make test`; regenerate it after changing sql/migrations, sql/functions
-- or sql/policies, and review its diff with the change.

--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: analytics; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA analytics;

ALTER SCHEMA analytics OWNER TO ilp_owner;

--
-- Name: SCHEMA analytics; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA analytics IS 'Aggregates and reporting views, read by ilp_analytics.';

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA app;

ALTER SCHEMA app OWNER TO ilp_owner;

--
-- Name: SCHEMA app; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA app IS 'Helpers shared by every domain: id generation, value checks, request context, security.';

--
-- Name: audit; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA audit;

ALTER SCHEMA audit OWNER TO ilp_owner;

--
-- Name: SCHEMA audit; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA audit IS 'Append-only records of who changed what, for support and compliance.';

--
-- Name: content; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA content;

ALTER SCHEMA content OWNER TO ilp_owner;

--
-- Name: SCHEMA content; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA content IS 'Teaching material of a tenant: lessons, videos and questions.';

--
-- Name: learning; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA learning;

ALTER SCHEMA learning OWNER TO ilp_owner;

--
-- Name: SCHEMA learning; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA learning IS 'What students do with the content: attempts, answers and progress.';

--
-- Name: ops; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA ops;

ALTER SCHEMA ops OWNER TO ilp_owner;

--
-- Name: SCHEMA ops; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA ops IS 'Operational data of the platform: maintenance jobs and their state.';

--
-- Name: privacy; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA privacy;

ALTER SCHEMA privacy OWNER TO ilp_owner;

--
-- Name: SCHEMA privacy; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA privacy IS 'Personal-data requests (export, erasure) and their processing, under the GDPR.';

--
-- Name: tenancy; Type: SCHEMA; Schema: -; Owner: ilp_owner
--

CREATE SCHEMA tenancy;

ALTER SCHEMA tenancy OWNER TO ilp_owner;

--
-- Name: SCHEMA tenancy; Type: COMMENT; Schema: -; Owner: ilp_owner
--

COMMENT ON SCHEMA tenancy IS 'Schools (tenants), user identities and profiles, memberships, classes, teachers, enrollments.';

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';

--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

--
-- Name: generation_job_status; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.generation_job_status AS ENUM (
    'queued',
    'running',
    'succeeded',
    'failed',
    'cancelled'
);

ALTER TYPE content.generation_job_status OWNER TO ilp_owner;

--
-- Name: TYPE generation_job_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.generation_job_status IS 'State of a question generation job. Legal changes: queued to running, failed or cancelled; running to succeeded, failed or cancelled. succeeded, failed and cancelled are final.';

--
-- Name: lesson_status; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.lesson_status AS ENUM (
    'draft',
    'published',
    'archived'
);

ALTER TYPE content.lesson_status OWNER TO ilp_owner;

--
-- Name: TYPE lesson_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.lesson_status IS 'Lifecycle of a lesson: draft (visible to teachers only), published (visible to students of the classes it is assigned to), archived (hidden from students, kept for history).';

--
-- Name: milestone_kind; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.milestone_kind AS ENUM (
    'question',
    'checkpoint',
    'chapter'
);

ALTER TYPE content.milestone_kind OWNER TO ilp_owner;

--
-- Name: TYPE milestone_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.milestone_kind IS 'Kind of milestone: question (students answer the questions attached to it), checkpoint (progress is recorded when it is reached) or chapter (a named section start in the player).';

--
-- Name: question_status; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.question_status AS ENUM (
    'draft',
    'in_review',
    'approved',
    'rejected',
    'retired'
);

ALTER TYPE content.question_status OWNER TO ilp_owner;

--
-- Name: TYPE question_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.question_status IS 'Review state of a question version. Legal changes: draft to in_review, in_review to approved or rejected, approved to retired. Only drafts can be edited; students see approved versions only.';

--
-- Name: question_type; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.question_type AS ENUM (
    'single_choice',
    'multiple_choice',
    'true_false',
    'fill_in_blanks',
    'numeric',
    'ordering',
    'matching',
    'hotspot',
    'free_text',
    'poll'
);

ALTER TYPE content.question_type OWNER TO ilp_owner;

--
-- Name: TYPE question_type; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.question_type IS 'Kind of question; it fixes the JSON shape of the prompt and of the answer key, which content.validate_question_prompt() and content.validate_question_answer_key() check. poll is unscored and has no answer key; free_text is graded by a teacher with a rubric.';

--
-- Name: storage_object_kind; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.storage_object_kind AS ENUM (
    'video_source',
    'video_rendition',
    'video_text_track'
);

ALTER TYPE content.storage_object_kind OWNER TO ilp_owner;

--
-- Name: TYPE storage_object_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.storage_object_kind IS 'What a Cloud Storage object is used for: video_source (the uploaded video, content.videos), video_rendition (an encoding, content.video_renditions) or video_text_track (captions or a transcript, content.video_text_tracks).';

--
-- Name: text_track_kind; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.text_track_kind AS ENUM (
    'captions',
    'transcript'
);

ALTER TYPE content.text_track_kind OWNER TO ilp_owner;

--
-- Name: TYPE text_track_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.text_track_kind IS 'Kind of text track: captions (timed text shown over the video, such as WebVTT) or transcript (the full spoken text with timings, also the input of question generation).';

--
-- Name: video_processing_status; Type: TYPE; Schema: content; Owner: ilp_owner
--

CREATE TYPE content.video_processing_status AS ENUM (
    'uploaded',
    'transcoding',
    'ready',
    'failed'
);

ALTER TYPE content.video_processing_status OWNER TO ilp_owner;

--
-- Name: TYPE video_processing_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TYPE content.video_processing_status IS 'Processing state of a video: uploaded (the source object exists), transcoding (renditions are being made), ready (playable), failed (transcoding failed; failure_reason says why). Legal changes: uploaded to transcoding or failed, transcoding to ready or failed, failed to transcoding (retry), ready to transcoding (new renditions).';

--
-- Name: answer_outcome; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.answer_outcome AS ENUM (
    'correct',
    'partially_correct',
    'incorrect'
);

ALTER TYPE learning.answer_outcome OWNER TO ilp_owner;

--
-- Name: TYPE answer_outcome; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.answer_outcome IS 'Correctness of an auto-graded answer before any retry penalty: correct (full credit), partially_correct (some credit) or incorrect (none).';

--
-- Name: attempt_status; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.attempt_status AS ENUM (
    'graded',
    'needs_grading'
);

ALTER TYPE learning.attempt_status OWNER TO ilp_owner;

--
-- Name: TYPE attempt_status; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.attempt_status IS 'Grading state of an attempt: graded (it has a score, from auto-grading or a teacher) or needs_grading (a free-text answer waiting for a teacher).';

--
-- Name: grade_policy; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.grade_policy AS ENUM (
    'highest',
    'latest',
    'first',
    'average'
);

ALTER TYPE learning.grade_policy OWNER TO ilp_owner;

--
-- Name: TYPE grade_policy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.grade_policy IS 'Which graded attempts give a student''s current score on a question version: highest (the best score), latest (the graded attempt with the highest number), first (the graded attempt with the lowest number) or average (the mean of all graded scores). Attempts waiting for a teacher count only once graded.';

--
-- Name: matching_strategy; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.matching_strategy AS ENUM (
    'exact',
    'per_pair'
);

ALTER TYPE learning.matching_strategy OWNER TO ilp_owner;

--
-- Name: TYPE matching_strategy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.matching_strategy IS 'How a matching answer earns credit: exact (full credit when every pair of the answer key is matched and no other pair is given, none otherwise) or per_pair (the fraction of key pairs matched, minus the fraction of wrong pairs given, at least 0).';

--
-- Name: ordering_strategy; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.ordering_strategy AS ENUM (
    'exact',
    'position',
    'pairwise'
);

ALTER TYPE learning.ordering_strategy OWNER TO ilp_owner;

--
-- Name: TYPE ordering_strategy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.ordering_strategy IS 'How an ordering answer earns credit: exact (full credit for the exact order, none otherwise), position (the fraction of items placed at their correct position) or pairwise (the fraction of item pairs placed in their correct relative order).';

--
-- Name: playback_platform; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.playback_platform AS ENUM (
    'web',
    'ios',
    'android',
    'desktop',
    'tv',
    'other'
);

ALTER TYPE learning.playback_platform OWNER TO ilp_owner;

--
-- Name: TYPE playback_platform; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.playback_platform IS 'Kind of client that plays a video: web (a browser), ios, android, desktop (an installed desktop application), tv (a television or set-top box application) or other.';

--
-- Name: progress_verb; Type: TYPE; Schema: learning; Owner: ilp_owner
--

CREATE TYPE learning.progress_verb AS ENUM (
    'played',
    'paused',
    'seeked',
    'heartbeat',
    'completed'
);

ALTER TYPE learning.progress_verb OWNER TO ilp_owner;

--
-- Name: TYPE progress_verb; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TYPE learning.progress_verb IS 'What happened in the player (verbs of the xAPI video profile): played (playback started or resumed), paused, seeked (the playhead jumped from seek_from_ms to position_ms), heartbeat (periodic report while playing) or completed (the player reached its own completion rule).';

--
-- Name: member_role; Type: TYPE; Schema: tenancy; Owner: ilp_owner
--

CREATE TYPE tenancy.member_role AS ENUM (
    'admin',
    'teacher',
    'student'
);

ALTER TYPE tenancy.member_role OWNER TO ilp_owner;

--
-- Name: TYPE member_role; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TYPE tenancy.member_role IS 'Role of a user inside one tenant: admin (manages the school), teacher, or student.';

--
-- Name: membership_status; Type: TYPE; Schema: tenancy; Owner: ilp_owner
--

CREATE TYPE tenancy.membership_status AS ENUM (
    'active',
    'suspended',
    'left'
);

ALTER TYPE tenancy.membership_status OWNER TO ilp_owner;

--
-- Name: TYPE membership_status; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TYPE tenancy.membership_status IS 'State of a membership: active; suspended (temporarily blocked, keeps its current classes, gets no new ones); left (ended, with left_at set; no current teaching or enrollment rows remain).';

--
-- Name: tenant_status; Type: TYPE; Schema: tenancy; Owner: ilp_owner
--

CREATE TYPE tenancy.tenant_status AS ENUM (
    'active',
    'suspended',
    'archived'
);

ALTER TYPE tenancy.tenant_status OWNER TO ilp_owner;

--
-- Name: TYPE tenant_status; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TYPE tenancy.tenant_status IS 'Lifecycle of a tenant: active (in use), suspended (access blocked for now, data kept), archived (closed, data kept for retention).';

--
-- Name: user_status; Type: TYPE; Schema: tenancy; Owner: ilp_owner
--

CREATE TYPE tenancy.user_status AS ENUM (
    'active',
    'disabled'
);

ALTER TYPE tenancy.user_status OWNER TO ilp_owner;

--
-- Name: TYPE user_status; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TYPE tenancy.user_status IS 'Whether a user may sign in anywhere on the platform: active, or disabled by platform support.';

--
-- Name: begin_request(uuid, uuid); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.begin_request(p_tenant_id uuid, p_user_id uuid) RETURNS tenancy.member_role
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_tenant_status tenancy.tenant_status;
    v_user_status tenancy.user_status;
    v_membership_status tenancy.membership_status;
    v_role tenancy.member_role;
begin
    if p_tenant_id is null or p_user_id is null then
        raise exception 'request context needs a tenant id and a user id, got % and %',
            coalesce(p_tenant_id::text, 'null'), coalesce(p_user_id::text, 'null')
            using
                errcode = 'IL001',
                hint = 'Call app.begin_request(tenant_id, user_id) with both ids.';
    end if;

    -- One probe of each primary key, in one query: the request context is set up at the start
    -- of every transaction, so its cost is paid on every call of the backend.
    select t.status, u.status, m.status, m.role
    into v_tenant_status, v_user_status, v_membership_status, v_role
    from (select) as one_row
    left join tenancy.tenants as t on t.id = p_tenant_id
    left join tenancy.users as u on u.id = p_user_id
    left join tenancy.memberships as m
        on m.tenant_id = p_tenant_id and m.user_id = p_user_id;

    if v_tenant_status is null then
        raise exception 'tenant % not found', p_tenant_id
            using errcode = 'IL002';
    end if;

    if v_tenant_status <> 'active' then
        raise exception 'tenant % is %', p_tenant_id, v_tenant_status
            using
                errcode = 'IL003',
                hint = 'Only active tenants accept requests.';
    end if;

    if v_user_status is null then
        raise exception 'user % not found', p_user_id
            using errcode = 'IL004';
    end if;

    if v_user_status <> 'active' then
        raise exception 'user % is %', p_user_id, v_user_status
            using
                errcode = 'IL004',
                hint = 'Only active users can act on the platform.';
    end if;

    if v_membership_status is null then
        raise exception 'user % is not a member of tenant %', p_user_id, p_tenant_id
            using errcode = 'IL005';
    end if;

    if v_membership_status <> 'active' then
        raise exception 'membership of user % in tenant % is %',
            p_user_id, p_tenant_id, v_membership_status
            using
                errcode = 'IL005',
                hint = 'Only active memberships can start a request.';
    end if;

    perform set_config('ilp.tenant_id', p_tenant_id::text, true);
    perform set_config('ilp.user_id', p_user_id::text, true);

    -- The role is read from the same membership row that app.current_membership() reads for
    -- every policy, with the same status checks above, so the two cannot disagree.
    return v_role;
end
$$;

ALTER FUNCTION app.begin_request(p_tenant_id uuid, p_user_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION begin_request(p_tenant_id uuid, p_user_id uuid); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.begin_request(p_tenant_id uuid, p_user_id uuid) IS 'Checks that the user is an active member of the active tenant and stores both ids for the current transaction only (settings ilp.tenant_id and ilp.user_id); returns the member''s role. Raises IL001 (null id), IL002 (tenant not found), IL003 (tenant not active), IL004 (user not found or disabled) or IL005 (no active membership).';

--
-- Name: current_administered_user_ids(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_administered_user_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select coalesce(array_agg(m.user_id), '{}')
        from app.current_membership() as c
        inner join tenancy.memberships as m on c.tenant_id = m.tenant_id
        where c.member_role = 'admin'
    );
end
$$;

ALTER FUNCTION app.current_administered_user_ids() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_administered_user_ids(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_administered_user_ids() IS 'Returns the user ids of every member of the current tenant, whatever their membership status, when the current user is an admin of it; an empty array otherwise.';

--
-- Name: current_enrolled_class_ids(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_enrolled_class_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select coalesce(array_agg(e.class_id), '{}')
        from app.current_membership() as c
        inner join tenancy.enrollments as e
            on c.tenant_id = e.tenant_id and c.user_id = e.user_id
        where e.ended_at is null or e.ended_at > now()
    );
end
$$;

ALTER FUNCTION app.current_enrolled_class_ids() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_enrolled_class_ids(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_enrolled_class_ids() IS 'Returns the ids of the classes of the current tenant that the current user attends now (their tenancy.enrollments rows whose ended_at is null or in the future); an empty array without a valid context.';

--
-- Name: current_member_role(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_member_role() RETURNS tenancy.member_role
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select c.member_role from app.current_membership() as c
    );
end
$$;

ALTER FUNCTION app.current_member_role() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_member_role(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_member_role() IS 'Returns the role (admin, teacher or student) of the request context''s membership, read from tenancy.memberships, or null when there is no valid context. No setting can override it.';

--
-- Name: current_membership(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_membership() RETURNS TABLE(tenant_id uuid, user_id uuid, member_role tenancy.member_role)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
begin
    return query
    with setting as (
        select
            nullif(current_setting('ilp.tenant_id', true), '') as tenant_text,
            nullif(current_setting('ilp.user_id', true), '') as user_text
    ),

    parsed as (
        select
            case
                when s.tenant_text ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                    then s.tenant_text::uuid
            end as tenant_id,
            case
                when s.user_text ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                    then s.user_text::uuid
            end as user_id
        from setting as s
    )

    select
        m.tenant_id,
        m.user_id,
        m.role
    from parsed as p
    inner join tenancy.memberships as m
        on p.tenant_id = m.tenant_id and p.user_id = m.user_id
    inner join tenancy.tenants as t on m.tenant_id = t.id
    inner join tenancy.users as u on m.user_id = u.id
    where
        m.status = 'active'
        and t.status = 'active'
        and u.status = 'active';
end
$_$;

ALTER FUNCTION app.current_membership() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_membership(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_membership() IS 'Returns the request context as one row (tenant_id, user_id, member_role) when the settings ilp.tenant_id and ilp.user_id name an active membership of an active user in an active tenant, and no row otherwise (unset, empty or malformed settings, or any other pair).';

--
-- Name: current_taught_class_ids(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_taught_class_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select coalesce(array_agg(ct.class_id), '{}')
        from app.current_membership() as c
        inner join tenancy.class_teachers as ct
            on c.tenant_id = ct.tenant_id and c.user_id = ct.user_id
        where ct.ended_at is null or ct.ended_at > now()
    );
end
$$;

ALTER FUNCTION app.current_taught_class_ids() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_taught_class_ids(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_taught_class_ids() IS 'Returns the ids of the classes of the current tenant that the current user teaches now (their tenancy.class_teachers rows whose ended_at is null or in the future); an empty array without a valid context.';

--
-- Name: current_taught_student_ids(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_taught_student_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select coalesce(array_agg(distinct e.user_id), '{}')
        from app.current_membership() as c
        inner join tenancy.class_teachers as ct
            on c.tenant_id = ct.tenant_id and c.user_id = ct.user_id
        inner join tenancy.enrollments as e
            on ct.tenant_id = e.tenant_id and ct.class_id = e.class_id
        where
            (ct.ended_at is null or ct.ended_at > now())
            and (e.ended_at is null or e.ended_at > now())
    );
end
$$;

ALTER FUNCTION app.current_taught_student_ids() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_taught_student_ids(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_taught_student_ids() IS 'Returns the user ids of the students enrolled now in a class that the current user teaches now, in the current tenant; an empty array without a valid context.';

--
-- Name: current_tenant_id(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_tenant_id() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select c.tenant_id from app.current_membership() as c
    );
end
$$;

ALTER FUNCTION app.current_tenant_id() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_tenant_id(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_tenant_id() IS 'Returns the tenant id of the request context (see app.current_membership), or null when there is no valid context. Policies call it as (select app.current_tenant_id()), once per statement.';

--
-- Name: current_user_id(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.current_user_id() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select c.user_id from app.current_membership() as c
    );
end
$$;

ALTER FUNCTION app.current_user_id() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_user_id(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.current_user_id() IS 'Returns the user id of the request context (see app.current_membership), or null when there is no valid context. Policies call it as (select app.current_user_id()), once per statement.';

--
-- Name: find_tenant_id(text); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.find_tenant_id(p_slug text) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select t.id
        from tenancy.tenants as t
        where
            t.slug operator(public.=) p_slug::public.citext
            and t.status = 'active'
    );
end
$$;

ALTER FUNCTION app.find_tenant_id(p_slug text) OWNER TO ilp_owner;

--
-- Name: FUNCTION find_tenant_id(p_slug text); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.find_tenant_id(p_slug text) IS 'Returns the id of the active tenant whose slug matches p_slug (ignoring case), or null; for the backend''s sign-in, before app.begin_request().';

--
-- Name: is_valid_email(text); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.is_valid_email(p_email text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
    select
        octet_length(p_email) <= 254
        and octet_length(split_part(p_email, '@', 1)) <= 64
        and p_email ~ (
            '^[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
            '@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
            '(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'
        )
$_$;

ALTER FUNCTION app.is_valid_email(p_email text) OWNER TO ilp_owner;

--
-- Name: FUNCTION is_valid_email(p_email text); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.is_valid_email(p_email text) IS 'Returns whether a text is a plausible e-mail address (a pragmatic pattern, not RFC 5321): ASCII dot-atoms before the @, at least two DNS labels after it, at most 254 bytes.';

--
-- Name: is_valid_locale_tag(text); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.is_valid_locale_tag(p_locale text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
    select p_locale ~ '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$'
$_$;

ALTER FUNCTION app.is_valid_locale_tag(p_locale text) OWNER TO ilp_owner;

--
-- Name: FUNCTION is_valid_locale_tag(p_locale text); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.is_valid_locale_tag(p_locale text) IS 'Returns whether a text is a locale tag of the form language[-Script][-REGION] in canonical case (a subset of BCP 47), for example en, fr-FR, zh-Hant-TW or es-419.';

--
-- Name: list_user_tenants(uuid); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.list_user_tenants(p_user_id uuid) RETURNS TABLE(tenant_id uuid, slug text, name text, member_role tenancy.member_role)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return query
    select
        t.id,
        t.slug::text,
        t.name,
        m.role
    from tenancy.memberships as m
    inner join tenancy.tenants as t on m.tenant_id = t.id
    inner join tenancy.users as u on m.user_id = u.id
    where
        m.user_id = p_user_id
        and m.status = 'active'
        and t.status = 'active'
        and u.status = 'active'
    order by t.name, t.id;
end
$$;

ALTER FUNCTION app.list_user_tenants(p_user_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION list_user_tenants(p_user_id uuid); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.list_user_tenants(p_user_id uuid) IS 'Returns the active tenants where the active user p_user_id has an active membership, with the role, ordered by tenant name; the tenants app.begin_request() would accept for this user.';

--
-- Name: tg__set_updated_at(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
begin
    NEW.updated_at := now();
    return NEW;
end
$$;

ALTER FUNCTION app.tg__set_updated_at() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg__set_updated_at(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.tg__set_updated_at() IS 'Trigger function: sets updated_at to the transaction start time, now(), on each changed row. Attached as set_updated_at, before update, to every table with an updated_at column.';

--
-- Name: uuid_v7(); Type: FUNCTION; Schema: app; Owner: ilp_owner
--

CREATE FUNCTION app.uuid_v7() RETURNS uuid
    LANGUAGE plpgsql PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
declare
    v_bytes bytea := uuid_send(gen_random_uuid());
    v_milliseconds bigint := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
begin
    -- Bytes 0-5: the unix time in milliseconds, big-endian. Byte 6: version 7 in the high
    -- nibble. Byte 8: the variant bits 10. The other 74 bits stay random.
    v_bytes := overlay(v_bytes placing substring(int8send(v_milliseconds) from 3) from 1 for 6);
    v_bytes := set_byte(v_bytes, 6, (get_byte(v_bytes, 6) & 15) | 112);
    v_bytes := set_byte(v_bytes, 8, (get_byte(v_bytes, 8) & 63) | 128);
    return encode(v_bytes, 'hex')::uuid;
end
$$;

ALTER FUNCTION app.uuid_v7() OWNER TO ilp_owner;

--
-- Name: FUNCTION uuid_v7(); Type: COMMENT; Schema: app; Owner: ilp_owner
--

COMMENT ON FUNCTION app.uuid_v7() IS 'Returns a new version-7 UUID: 48 bits of unix time in milliseconds from clock_timestamp(), then the version and variant bits, the rest random. Ids made later sort after earlier ones (within the same millisecond, in random order).';

--
-- Name: can_edit_lesson(uuid, uuid); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select exists (
            select
            from app.current_membership() as c
            inner join content.lessons as l on c.tenant_id = l.tenant_id
            where
                l.tenant_id = p_tenant_id
                and l.id = p_lesson_id
                and (
                    c.member_role = 'admin'
                    or (c.member_role = 'teacher' and l.author_id = c.user_id)
                )
        )
    );
end
$$;

ALTER FUNCTION content.can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid) IS 'Returns whether the request''s user may change the lesson and its groups, videos, milestones and questions: an admin of the lesson''s tenant, or the teacher who wrote it.';

--
-- Name: can_edit_question(uuid, uuid); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.can_edit_question(p_tenant_id uuid, p_question_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        select coalesce(
            (
                select content.can_edit_lesson(q.tenant_id, q.lesson_id)
                from content.questions as q
                where
                    q.tenant_id = p_tenant_id
                    and q.id = p_question_id
            ),
            false
        )
    );
end
$$;

ALTER FUNCTION content.can_edit_question(p_tenant_id uuid, p_question_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION can_edit_question(p_tenant_id uuid, p_question_id uuid); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.can_edit_question(p_tenant_id uuid, p_question_id uuid) IS 'Returns whether the request''s user may change the question''s versions and answer keys, which is whether they may change its lesson (see content.can_edit_lesson).';

--
-- Name: check_question_items(text, jsonb, integer); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.check_question_items(p_field text, p_items jsonb, p_min_count integer) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
declare
    v_item jsonb;
    v_index integer := 0;
    v_item_field text;
    v_ids text[] := '{}';
begin
    perform content.require_question_field(
        jsonb_typeof(p_items) = 'array'
        and jsonb_array_length(p_items) between p_min_count and 50,
        'IL210',
        p_field,
        format('must be an array of %s to 50 choices', p_min_count)
    );

    for v_item in select e.value from jsonb_array_elements(p_items) as e loop
        v_item_field := format('%s[%s]', p_field, v_index);

        perform content.require_question_field(
            jsonb_typeof(v_item) = 'object', 'IL210', v_item_field, 'must be an object'
        );
        perform content.require_known_question_fields(
            'IL210', v_item_field, v_item, array['id', 'text']
        );
        perform content.require_question_field(
            jsonb_typeof(v_item -> 'id') = 'string'
            and (v_item ->> 'id') ~ '^[A-Za-z0-9_-]{1,64}$',
            'IL210',
            v_item_field || '.id',
            'must be a string of 1 to 64 letters, digits, - or _'
        );
        perform content.require_question_field(
            jsonb_typeof(v_item -> 'text') = 'string'
            and (v_item ->> 'text') ~ '[^[:space:]]'
            and char_length(v_item ->> 'text') <= 1000,
            'IL210',
            v_item_field || '.text',
            'must be a non-blank string of at most 1000 characters'
        );
        perform content.require_question_field(
            not (v_item ->> 'id') = any(v_ids),
            'IL210',
            v_item_field || '.id',
            format('must differ from the ids of the earlier entries of %s', p_field)
        );

        v_ids := v_ids || (v_item ->> 'id');
        v_index := v_index + 1;
    end loop;

    return v_ids;
end
$_$;

ALTER FUNCTION content.check_question_items(p_field text, p_items jsonb, p_min_count integer) OWNER TO ilp_owner;

--
-- Name: FUNCTION check_question_items(p_field text, p_items jsonb, p_min_count integer); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.check_question_items(p_field text, p_items jsonb, p_min_count integer) IS 'Checks that p_items, found at p_field of a prompt, is an array of p_min_count to 50 objects {"id": "...", "text": "..."} with unique ids, raising IL210 otherwise, and returns the ids in order.';

--
-- Name: current_student_lesson_ids(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.current_student_lesson_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return (
        -- The CTE is materialized so that the student's classes are looked up once: inlined, the
        -- planner calls app.current_enrolled_class_ids() again for every assignment it checks.
        with student as materialized (
            select
                c.tenant_id,
                app.current_enrolled_class_ids() as class_ids
            from app.current_membership() as c
            where c.member_role = 'student'
        )

        select coalesce(array_agg(distinct l.id), '{}')
        from student as s
        inner join content.lesson_assignments as a
            on s.tenant_id = a.tenant_id and a.class_id = any(s.class_ids)
        inner join content.lessons as l on a.tenant_id = l.tenant_id and a.lesson_id = l.id
        where l.status = 'published'
    );
end
$$;

ALTER FUNCTION content.current_student_lesson_ids() OWNER TO ilp_owner;

--
-- Name: FUNCTION current_student_lesson_ids(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.current_student_lesson_ids() IS 'Returns the ids of the published lessons of the current tenant assigned to a class that the current user, a student, attends now; an empty array for other roles or without a context.';

--
-- Name: has_approved_version(uuid, uuid); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.has_approved_version(p_tenant_id uuid, p_question_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION content.has_approved_version(p_tenant_id uuid, p_question_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION has_approved_version(p_tenant_id uuid, p_question_id uuid); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.has_approved_version(p_tenant_id uuid, p_question_id uuid) IS 'Returns whether the question, in the request''s tenant, has a version in status approved; false for another tenant or without a context.';

--
-- Name: is_valid_gcs_bucket_name(text); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.is_valid_gcs_bucket_name(p_bucket text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
    select
        p_bucket ~ '^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$'
        -- An IPv4 address in dotted-decimal notation is not a bucket name.
        and p_bucket !~ '^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$'
        and p_bucket !~ '^goog'
        and p_bucket !~ 'google'
$_$;

ALTER FUNCTION content.is_valid_gcs_bucket_name(p_bucket text) OWNER TO ilp_owner;

--
-- Name: FUNCTION is_valid_gcs_bucket_name(p_bucket text); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.is_valid_gcs_bucket_name(p_bucket text) IS 'Returns whether a text is a valid Cloud Storage bucket name: 3 to 63 lowercase letters, digits, dashes, underscores and dots, starting and ending with a letter or digit, not an IPv4 address, not starting with goog and not containing google.';

--
-- Name: is_valid_gcs_object_name(text); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.is_valid_gcs_object_name(p_object_name text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
    select
        octet_length(p_object_name) between 1 and 1024
        and strpos(p_object_name, chr(13)) = 0
        and strpos(p_object_name, chr(10)) = 0
        and p_object_name not in ('.', '..')
        and not starts_with(p_object_name, '.well-known/acme-challenge/')
$$;

ALTER FUNCTION content.is_valid_gcs_object_name(p_object_name text) OWNER TO ilp_owner;

--
-- Name: FUNCTION is_valid_gcs_object_name(p_object_name text); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.is_valid_gcs_object_name(p_object_name text) IS 'Returns whether a text is a valid Cloud Storage object name: 1 to 1024 bytes of UTF-8 without carriage return or line feed, not . or .., and not under .well-known/acme-challenge/.';

--
-- Name: raise_question_payload_error(text, text, text); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.raise_question_payload_error(p_errcode text, p_field text, p_requirement text) RETURNS void
    LANGUAGE plpgsql PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
declare
    v_problem text;
begin
    v_problem := case p_errcode
        when 'IL210' then 'invalid question prompt'
        when 'IL211' then 'invalid answer key'
        when 'IL212' then 'answer key does not match the prompt'
        else 'invalid question payload'
    end;

    raise exception '%: % %', v_problem, p_field, p_requirement
        using
            errcode = p_errcode,
            hint = 'Correct the field; docs/content.md gives the JSON shape of each question '
            'type.',
            column = case when p_field like 'answer_key%' then 'answer_key' else 'prompt' end;
end
$$;

ALTER FUNCTION content.raise_question_payload_error(p_errcode text, p_field text, p_requirement text) OWNER TO ilp_owner;

--
-- Name: FUNCTION raise_question_payload_error(p_errcode text, p_field text, p_requirement text); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.raise_question_payload_error(p_errcode text, p_field text, p_requirement text) IS 'Raises an error with SQLSTATE p_errcode (IL210 invalid prompt, IL211 invalid answer key, IL212 key does not match the prompt) and the message "<problem>: <field> <requirement>". Callers pass field paths and requirements, never values from the payload.';

--
-- Name: read_question_answer_key(uuid, integer); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.read_question_answer_key(p_question_id uuid, p_version integer) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION content.read_question_answer_key(p_question_id uuid, p_version integer) OWNER TO ilp_owner;

--
-- Name: FUNCTION read_question_answer_key(p_question_id uuid, p_version integer); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.read_question_answer_key(p_question_id uuid, p_version integer) IS 'Returns the answer key of a question version of the request''s tenant, or null when it has none. Raises 42501 unless the request''s user is a teacher or admin.';

--
-- Name: require_known_question_fields(text, text, jsonb, text[]); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.require_known_question_fields(p_errcode text, p_field text, p_object jsonb, p_known_fields text[]) RETURNS void
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
declare
    v_unknown_field text;
begin
    select o.key
    into v_unknown_field
    from jsonb_object_keys(p_object) as o (key)
    where not o.key = any(p_known_fields)
    order by o.key
    limit 1;

    if v_unknown_field is null then
        return;
    end if;

    -- Field names of a prompt are public and help the author. Those of an answer key are not
    -- echoed: an author could have typed an answer as a field name.
    if p_errcode = 'IL210' then
        perform content.raise_question_payload_error(
            p_errcode,
            p_field,
            format(
                'has the unknown field %s; the known fields are %s',
                v_unknown_field, array_to_string(p_known_fields, ', ')
            )
        );
    else
        perform content.raise_question_payload_error(
            p_errcode,
            p_field,
            format(
                'has a field other than %s', array_to_string(p_known_fields, ', ')
            )
        );
    end if;
end
$$;

ALTER FUNCTION content.require_known_question_fields(p_errcode text, p_field text, p_object jsonb, p_known_fields text[]) OWNER TO ilp_owner;

--
-- Name: FUNCTION require_known_question_fields(p_errcode text, p_field text, p_object jsonb, p_known_fields text[]); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.require_known_question_fields(p_errcode text, p_field text, p_object jsonb, p_known_fields text[]) IS 'Raises the payload error p_errcode when the JSON object p_object has a key outside p_known_fields. The message names the unknown key for a prompt (IL210) only.';

--
-- Name: require_question_field(boolean, text, text, text); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.require_question_field(p_is_valid boolean, p_errcode text, p_field text, p_requirement text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
begin
    if p_is_valid is not true then
        perform content.raise_question_payload_error(p_errcode, p_field, p_requirement);
    end if;
end
$$;

ALTER FUNCTION content.require_question_field(p_is_valid boolean, p_errcode text, p_field text, p_requirement text) OWNER TO ilp_owner;

--
-- Name: FUNCTION require_question_field(p_is_valid boolean, p_errcode text, p_field text, p_requirement text); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.require_question_field(p_is_valid boolean, p_errcode text, p_field text, p_requirement text) IS 'Raises content.raise_question_payload_error(p_errcode, p_field, p_requirement) unless p_is_valid is true; a null condition counts as false.';

--
-- Name: revise_question(uuid); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.revise_question(p_question_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_tenant_id uuid := app.current_tenant_id();
    v_latest content.question_versions;
    v_new_version integer;
begin
    if v_tenant_id is null or not content.can_edit_question(v_tenant_id, p_question_id) then
        raise exception 'permission denied: user may not edit question %', p_question_id
            using
                errcode = '42501',
                hint = 'Admins edit every question of their tenant, teachers those of the '
                'lessons they wrote.';
    end if;

    select qv.*
    into v_latest
    from content.question_versions as qv
    where
        qv.tenant_id = v_tenant_id
        and qv.question_id = p_question_id
    order by qv.version desc
    limit 1;

    if not found then
        raise exception 'question % has no version to revise', p_question_id
            using
                errcode = 'P0002',
                hint = 'Insert the first version into content.question_versions.';
    end if;

    -- The copy is written by a person, so it carries no generation provenance. A second open
    -- version is rejected by index_question_versions_on_question_id_when_open (23505).
    insert into content.question_versions (
        tenant_id,
        question_id,
        question_type,
        prompt,
        points,
        retry_penalty_points,
        max_attempts,
        hints,
        feedback,
        created_by
    )
    values (
        v_tenant_id,
        p_question_id,
        v_latest.question_type,
        v_latest.prompt,
        v_latest.points,
        v_latest.retry_penalty_points,
        v_latest.max_attempts,
        v_latest.hints,
        v_latest.feedback,
        app.current_user_id()
    )
    returning version into v_new_version;

    insert into content.question_answer_keys (tenant_id, question_id, version, answer_key)
    select k.tenant_id, k.question_id, v_new_version, k.answer_key
    from content.question_answer_keys as k
    where
        k.tenant_id = v_tenant_id
        and k.question_id = p_question_id
        and k.version = v_latest.version;

    return v_new_version;
end
$$;

ALTER FUNCTION content.revise_question(p_question_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION revise_question(p_question_id uuid); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.revise_question(p_question_id uuid) IS 'Inserts a new draft version of a question that the request''s user may edit (42501 otherwise), copying the content and answer key of its latest version, and returns the new version number. Raises 23505 when the question already has a version in draft or in review.';

--
-- Name: text_search_config(text); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.text_search_config(p_language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
    select case lower(split_part(p_language, '-', 1))
        when 'ar' then 'pg_catalog.arabic'::pg_catalog.regconfig
        when 'hy' then 'pg_catalog.armenian'::pg_catalog.regconfig
        when 'eu' then 'pg_catalog.basque'::pg_catalog.regconfig
        when 'ca' then 'pg_catalog.catalan'::pg_catalog.regconfig
        when 'da' then 'pg_catalog.danish'::pg_catalog.regconfig
        when 'nl' then 'pg_catalog.dutch'::pg_catalog.regconfig
        when 'en' then 'pg_catalog.english'::pg_catalog.regconfig
        when 'fi' then 'pg_catalog.finnish'::pg_catalog.regconfig
        when 'fr' then 'pg_catalog.french'::pg_catalog.regconfig
        when 'de' then 'pg_catalog.german'::pg_catalog.regconfig
        when 'el' then 'pg_catalog.greek'::pg_catalog.regconfig
        when 'hi' then 'pg_catalog.hindi'::pg_catalog.regconfig
        when 'hu' then 'pg_catalog.hungarian'::pg_catalog.regconfig
        when 'id' then 'pg_catalog.indonesian'::pg_catalog.regconfig
        when 'ga' then 'pg_catalog.irish'::pg_catalog.regconfig
        when 'it' then 'pg_catalog.italian'::pg_catalog.regconfig
        when 'lt' then 'pg_catalog.lithuanian'::pg_catalog.regconfig
        when 'ne' then 'pg_catalog.nepali'::pg_catalog.regconfig
        when 'no' then 'pg_catalog.norwegian'::pg_catalog.regconfig
        when 'nb' then 'pg_catalog.norwegian'::pg_catalog.regconfig
        when 'nn' then 'pg_catalog.norwegian'::pg_catalog.regconfig
        when 'pt' then 'pg_catalog.portuguese'::pg_catalog.regconfig
        when 'ro' then 'pg_catalog.romanian'::pg_catalog.regconfig
        when 'ru' then 'pg_catalog.russian'::pg_catalog.regconfig
        when 'sr' then 'pg_catalog.serbian'::pg_catalog.regconfig
        when 'es' then 'pg_catalog.spanish'::pg_catalog.regconfig
        when 'sv' then 'pg_catalog.swedish'::pg_catalog.regconfig
        when 'ta' then 'pg_catalog.tamil'::pg_catalog.regconfig
        when 'tr' then 'pg_catalog.turkish'::pg_catalog.regconfig
        when 'yi' then 'pg_catalog.yiddish'::pg_catalog.regconfig
        else 'pg_catalog.simple'::pg_catalog.regconfig
    end
$$;

ALTER FUNCTION content.text_search_config(p_language text) OWNER TO ilp_owner;

--
-- Name: FUNCTION text_search_config(p_language text); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.text_search_config(p_language text) IS 'Returns the text search configuration for a language tag such as en or fr-FR, chosen by its primary language subtag (fr-FR gives french); simple for a language without a configuration and for null.';

--
-- Name: tg_generation_jobs__check_status_transition(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_generation_jobs__check_status_transition() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
begin
    if NEW.status = OLD.status then
        return NEW;
    end if;

    if not (OLD.status, NEW.status) in (
        ('queued', 'running'),
        ('queued', 'failed'),
        ('queued', 'cancelled'),
        ('running', 'succeeded'),
        ('running', 'failed'),
        ('running', 'cancelled')
    ) then
        raise exception 'generation job % cannot change status from % to %',
            NEW.id, OLD.status, NEW.status
            using
                errcode = 'IL203',
                hint = 'Legal changes: queued to running, failed or cancelled; running to '
                'succeeded, failed or cancelled. Start a new job to retry.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'status';
    end if;

    if NEW.status = 'running' then
        NEW.started_at := now();
    else
        NEW.finished_at := now();
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_generation_jobs__check_status_transition() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_generation_jobs__check_status_transition(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_generation_jobs__check_status_transition() IS 'Trigger function: raises IL203 for an illegal change of a generation job''s status (see the type content.generation_job_status), sets started_at when the job starts running and finished_at when it reaches a final state.';

--
-- Name: tg_lessons__bump_version(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_lessons__bump_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
begin
    if TG_OP = 'INSERT' then
        NEW.version := 1;

        if NEW.status = 'published' then
            NEW.published_at := coalesce(NEW.published_at, now());
        end if;

        return NEW;
    end if;

    -- A client cannot set version itself: it reads it for optimistic concurrency.
    NEW.version := OLD.version;

    if
        (NEW.title, NEW.description, NEW.language, NEW.status)
        is distinct from (OLD.title, OLD.description, OLD.language, OLD.status)
    then
        NEW.version := OLD.version + 1;
    end if;

    if NEW.status = 'published' and OLD.status <> 'published' then
        NEW.published_at := now();
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_lessons__bump_version() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_lessons__bump_version(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_lessons__bump_version() IS 'Trigger function: sets version to 1 on insert and adds 1 on every update that changes the title, description, language or status (ignoring a version the client wrote); sets published_at to now() when the status becomes published.';

--
-- Name: tg_milestones__check_position_within_duration(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_milestones__check_position_within_duration() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_duration_ms integer;
begin
    -- The video row stays locked until this transaction ends, so a concurrent update that
    -- shortens the video waits, and its own check in tg_videos__check_duration_covers_content
    -- then sees this milestone. The lock is for share, because an update of duration_ms takes
    -- for no key update, which for key share (the foreign key's lock) would not block.
    -- NOTE: under repeatable read the check of the duration update uses its snapshot and can
    -- miss a milestone committed while it waited; run such updates under read committed or
    -- serializable.
    select v.duration_ms
    into v_duration_ms
    from content.videos as v
    where
        v.tenant_id = NEW.tenant_id
        and v.id = NEW.video_id
    for share;

    -- A missing video is left to the foreign key, and an unknown duration is checked when it is
    -- set.
    if v_duration_ms is not null and NEW.position_ms > v_duration_ms then
        raise exception 'milestone position % ms is beyond the end of video % (% ms)',
            NEW.position_ms, NEW.video_id, v_duration_ms
            using
                errcode = 'IL202',
                hint = 'Place the milestone between 0 and the video''s duration.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'position_ms';
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_milestones__check_position_within_duration() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_milestones__check_position_within_duration(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_milestones__check_position_within_duration() IS 'Trigger function: raises IL202 when a milestone''s position_ms exceeds the duration of its video, and locks the video row for share until the transaction ends so that a concurrent duration change cannot slip past the check.';

--
-- Name: tg_question_answer_keys__check_change(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_question_answer_keys__check_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_key_row content.question_answer_keys;
    v_question_type content.question_type;
    v_prompt jsonb;
    v_status content.question_status;
begin
    if TG_OP = 'DELETE' then
        v_key_row := OLD;
    else
        v_key_row := NEW;
    end if;

    if
        TG_OP = 'UPDATE'
        and (NEW.tenant_id, NEW.question_id, NEW.version)
        is distinct from (OLD.tenant_id, OLD.question_id, OLD.version)
    then
        raise exception 'an answer key cannot move to another question version'
            using
                errcode = 'IL220',
                hint = 'Delete the draft''s key and insert one for the other version.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    -- Locked for share so that a concurrent submission for review, which locks the version for
    -- update, cannot freeze the version between this check and the change of the key.
    select qv.question_type, qv.prompt, qv.status
    into v_question_type, v_prompt, v_status
    from content.question_versions as qv
    where
        qv.tenant_id = v_key_row.tenant_id
        and qv.question_id = v_key_row.question_id
        and qv.version = v_key_row.version
    for share;

    -- A missing version is left to the foreign key; a version deleted by a cascade is a draft.
    if not found then
        return v_key_row;
    end if;

    if v_status <> 'draft' then
        raise exception 'version % of question % is %, so its answer key cannot change',
            v_key_row.version, v_key_row.question_id, v_status
            using
                errcode = 'IL220',
                hint = 'Insert a new draft version, for example with content.revise_question().',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    if TG_OP <> 'DELETE' then
        perform content.validate_question_answer_key(
            v_question_type::text, v_prompt, NEW.answer_key
        );
    end if;

    return v_key_row;
end
$$;

ALTER FUNCTION content.tg_question_answer_keys__check_change() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_question_answer_keys__check_change(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_question_answer_keys__check_change() IS 'Trigger function: raises IL220 when the answer key of a version that is not a draft is inserted, changed or deleted, or when a key moves to another version, and validates the key against the version''s type and prompt (IL211, IL212). Locks the version row for share.';

--
-- Name: tg_question_transitions__apply(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_question_transitions__apply() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_request_tenant_id uuid := app.current_tenant_id();
    v_request_user_id uuid := app.current_user_id();
    v_actor_role tenancy.member_role;
    v_actor_status tenancy.membership_status;
    v_from_status content.question_status;
    v_question_type content.question_type;
    v_previous_version integer;
begin
    -- With a request context the actor is its user. Without one (maintenance as the owner) the
    -- row must name the actor, who passes the same checks.
    if v_request_user_id is not null then
        if NEW.tenant_id <> v_request_tenant_id then
            raise exception 'the request acts in tenant %, not in tenant %',
                v_request_tenant_id, NEW.tenant_id
                using
                    errcode = 'IL222',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'tenant_id';
        end if;

        if NEW.actor_id is not null and NEW.actor_id <> v_request_user_id then
            raise exception 'actor_id must be the request''s user %, not %',
                v_request_user_id, NEW.actor_id
                using
                    errcode = 'IL222',
                    hint = 'Leave actor_id null: it is set from the request context.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'actor_id';
        end if;

        NEW.actor_id := v_request_user_id;
    elsif NEW.actor_id is null then
        raise exception 'a question status change needs an actor'
            using
                errcode = 'IL222',
                hint = 'Call app.begin_request(tenant_id, user_id) first.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'actor_id';
    end if;

    select m.role, m.status
    into v_actor_role, v_actor_status
    from tenancy.memberships as m
    where
        m.tenant_id = NEW.tenant_id
        and m.user_id = NEW.actor_id;

    if
        v_actor_role is null
        or v_actor_status <> 'active'
        or v_actor_role not in ('teacher', 'admin')
    then
        raise exception 'user % may not change the status of questions in tenant %',
            NEW.actor_id, NEW.tenant_id
            using
                errcode = 'IL222',
                hint = 'Only active teachers and admins of the tenant submit, review and retire '
                'questions.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'actor_id';
    end if;

    -- Locked for update: concurrent changes of one version run one after the other, and each
    -- sees the status the previous one left.
    select qv.status, qv.question_type
    into v_from_status, v_question_type
    from content.question_versions as qv
    where
        qv.tenant_id = NEW.tenant_id
        and qv.question_id = NEW.question_id
        and qv.version = NEW.version
    for update;

    if not found then
        raise exception 'version % of question % not found in tenant %',
            NEW.version, NEW.question_id, NEW.tenant_id
            using
                errcode = '23503',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                constraint = 'fk_question_transitions_question_version';
    end if;

    NEW.from_status := v_from_status;

    if not (v_from_status, NEW.to_status) in (
        ('draft', 'in_review'),
        ('in_review', 'approved'),
        ('in_review', 'rejected'),
        ('approved', 'retired')
    ) then
        raise exception 'version % of question % cannot change from % to %',
            NEW.version, NEW.question_id, v_from_status, NEW.to_status
            using
                errcode = 'IL221',
                hint = 'Legal changes: draft to in_review, in_review to approved or rejected, '
                'approved to retired. To change a question, insert a new draft version.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'to_status';
    end if;

    if
        NEW.to_status = 'in_review'
        and v_question_type <> 'poll'
        and not exists (
            select
            from content.question_answer_keys as k
            where
                k.tenant_id = NEW.tenant_id
                and k.question_id = NEW.question_id
                and k.version = NEW.version
        )
    then
        raise exception 'version % of question % has no answer key', NEW.version, NEW.question_id
            using
                errcode = 'IL214',
                hint = 'Every question type but poll needs an answer key before review: insert '
                'one with content.write_question_answer_key().',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    -- Only one version of a question is live: approving one first retires the current one,
    -- through this same trigger, so that change is recorded too.
    if NEW.to_status = 'approved' then
        select qv.version
        into v_previous_version
        from content.question_versions as qv
        where
            qv.tenant_id = NEW.tenant_id
            and qv.question_id = NEW.question_id
            and qv.status = 'approved';

        if found then
            insert into content.question_transitions (
                tenant_id, question_id, version, to_status, actor_id, reason
            )
            values (
                NEW.tenant_id,
                NEW.question_id,
                v_previous_version,
                'retired',
                NEW.actor_id,
                format('replaced by version %s', NEW.version)
            );
        end if;
    end if;

    update content.question_versions as qv
    set
        status = NEW.to_status,
        status_changed_at = now()
    where
        qv.tenant_id = NEW.tenant_id
        and qv.question_id = NEW.question_id
        and qv.version = NEW.version;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_question_transitions__apply() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_question_transitions__apply(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_question_transitions__apply() IS 'Trigger function: before a content.question_transitions row is inserted, sets actor_id to the request''s user (IL222 unless an active teacher or admin of the row''s tenant), sets from_status, raises IL221 for an illegal change and IL214 when a scored version goes to review without an answer key, retires the previously approved version when approving, and updates the version''s status.';

--
-- Name: tg_question_versions__assign_version(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_question_versions__assign_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
declare
    v_next_version integer;
begin
    if NEW.status <> 'draft' then
        raise exception 'a new version of question % must start as draft, not %',
            NEW.question_id, NEW.status
            using
                errcode = 'IL221',
                hint = 'Insert the version as draft, then insert rows into '
                'content.question_transitions to submit and review it.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'status';
    end if;

    -- Two concurrent inserts can compute the same number; the primary key then rejects the
    -- second with 23505, and its caller retries.
    select coalesce(max(qv.version), 0) + 1
    into v_next_version
    from content.question_versions as qv
    where
        qv.tenant_id = NEW.tenant_id
        and qv.question_id = NEW.question_id;

    if NEW.version is null then
        NEW.version := v_next_version;
    elsif NEW.version <> v_next_version then
        raise exception 'question % has no version %: the next version is %',
            NEW.question_id, NEW.version, v_next_version
            using
                errcode = 'IL224',
                hint = 'Leave version null to take the next number.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'version';
    end if;

    NEW.status_changed_at := now();

    return NEW;
end
$$;

ALTER FUNCTION content.tg_question_versions__assign_version() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_question_versions__assign_version(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_question_versions__assign_version() IS 'Trigger function: on insert, sets a null version to the question''s next version number and raises IL224 for any other number, raises IL221 unless the status is draft, and sets status_changed_at to now().';

--
-- Name: tg_question_versions__check_immutable(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_question_versions__check_immutable() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
declare
    v_ignored_columns text[] := array['status', 'status_changed_at', 'updated_at'];
begin
    if TG_OP = 'DELETE' then
        if OLD.status <> 'draft' then
            raise exception 'version % of question % is %, so it cannot be deleted',
                OLD.version, OLD.question_id, OLD.status
                using
                    errcode = 'IL220',
                    hint = 'Only drafts can be deleted. Retire an approved version instead.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME;
        end if;

        return OLD;
    end if;

    if
        (NEW.tenant_id, NEW.question_id, NEW.version)
        is distinct from (OLD.tenant_id, OLD.question_id, OLD.version)
    then
        raise exception 'the key of version % of question % cannot change',
            OLD.version, OLD.question_id
            using
                errcode = 'IL220',
                hint = 'Insert a new version instead.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    if NEW.status is distinct from OLD.status then
        -- content.tg_question_transitions__apply() changes the status from inside its own
        -- trigger, so a change at trigger depth 1 came from a plain update statement.
        -- NOTE: any other trigger that updates question_versions could change the status too;
        -- only the owner can create one.
        if pg_trigger_depth() < 2 then
            raise exception 'the status of version % of question % changes only through '
                'content.question_transitions', OLD.version, OLD.question_id
                using
                    errcode = 'IL223',
                    hint = 'Insert a row into content.question_transitions, or call '
                    'content.transition_question_version().',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'status';
        end if;
    end if;

    if
        (OLD.status <> 'draft' or NEW.status <> OLD.status)
        and (to_jsonb(NEW) - v_ignored_columns) is distinct from (to_jsonb(OLD) - v_ignored_columns)
    then
        raise exception 'version % of question % is %, so only a draft can be edited',
            OLD.version, OLD.question_id, OLD.status
            using
                errcode = 'IL220',
                hint = 'Insert a new draft version, for example with content.revise_question().',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME;
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_question_versions__check_immutable() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_question_versions__check_immutable(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_question_versions__check_immutable() IS 'Trigger function: raises IL220 when a version that is not a draft is edited or deleted, or when a key column changes, and IL223 when the status changes outside content.tg_question_transitions__apply().';

--
-- Name: tg_question_versions__check_payload(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_question_versions__check_payload() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_answer_key jsonb;
begin
    perform content.validate_question_prompt(NEW.question_type::text, NEW.prompt);

    if TG_OP = 'UPDATE' then
        select k.answer_key
        into v_answer_key
        from content.question_answer_keys as k
        where
            k.tenant_id = NEW.tenant_id
            and k.question_id = NEW.question_id
            and k.version = NEW.version;

        if found then
            perform content.validate_question_answer_key(
                NEW.question_type::text, NEW.prompt, v_answer_key
            );
        end if;
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_question_versions__check_payload() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_question_versions__check_payload(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_question_versions__check_payload() IS 'Trigger function: validates the prompt of a question version (IL210) and, when an update changes the type or prompt of a version that has an answer key, the key against it (IL211, IL212).';

--
-- Name: tg_question_versions__check_provenance(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_question_versions__check_provenance() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_video_id uuid;
    v_duration_ms integer;
    v_job_video_id uuid;
begin
    if NEW.generation_job_id is null and NEW.question_type <> 'hotspot' then
        return NEW;
    end if;

    select m.video_id
    into v_video_id
    from content.questions as q
    inner join content.milestones as m
        on q.tenant_id = m.tenant_id and q.milestone_id = m.id
    where
        q.tenant_id = NEW.tenant_id
        and q.id = NEW.question_id;

    -- A missing question is left to the foreign key.
    if not found then
        return NEW;
    end if;

    -- Locked for share like in tg_milestones__check_position_within_duration(), so that a
    -- concurrent change of the duration waits for this transaction and then sees this version.
    select v.duration_ms
    into v_duration_ms
    from content.videos as v
    where
        v.tenant_id = NEW.tenant_id
        and v.id = v_video_id
    for share;

    if NEW.generation_job_id is not null then
        select j.video_id
        into v_job_video_id
        from content.generation_jobs as j
        where
            j.tenant_id = NEW.tenant_id
            and j.id = NEW.generation_job_id;

        if found and v_job_video_id <> v_video_id then
            raise exception 'generation job % read video %, but question % is on video %',
                NEW.generation_job_id, v_job_video_id, NEW.question_id, v_video_id
                using
                    errcode = 'IL205',
                    hint = 'Attach generated questions to a milestone of the video the job read.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'generation_job_id';
        end if;

        if upper(NEW.transcript_range_ms) > v_duration_ms then
            raise exception 'transcript range % ms goes beyond the end of video % (% ms)',
                NEW.transcript_range_ms, v_video_id, v_duration_ms
                using
                    errcode = 'IL204',
                    hint = 'Record the part of the transcript the model read, within the video.',
                    schema = TG_TABLE_SCHEMA,
                    table = TG_TABLE_NAME,
                    column = 'transcript_range_ms';
        end if;
    end if;

    -- The prompt is validated by the trigger check_payload, which runs first.
    if
        NEW.question_type = 'hotspot'
        and (NEW.prompt ->> 'frame_ms')::numeric > v_duration_ms
    then
        raise exception 'hotspot frame at % ms is beyond the end of video % (% ms)',
            NEW.prompt ->> 'frame_ms', v_video_id, v_duration_ms
            using
                errcode = 'IL204',
                hint = 'Choose a frame between 0 and the video''s duration.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'prompt';
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_question_versions__check_provenance() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_question_versions__check_provenance(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_question_versions__check_provenance() IS 'Trigger function: raises IL205 when a generated version''s job read another video than the question''s, and IL204 when its transcript range or a hotspot frame lies beyond the end of the video. Locks the video row for share until the transaction ends.';

--
-- Name: tg_videos__check_duration_covers_content(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_videos__check_duration_covers_content() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_milestone_ms integer;
    v_frame_ms numeric;
    v_transcript_end_ms integer;
begin
    if NEW.duration_ms is null or NEW.duration_ms >= OLD.duration_ms then
        return NEW;
    end if;

    -- The update already holds this video's row lock, and milestone and question writers lock
    -- the same row for share first, so these reads cannot miss a concurrent write under read
    -- committed.
    select max(m.position_ms)
    into v_milestone_ms
    from content.milestones as m
    where
        m.tenant_id = NEW.tenant_id
        and m.video_id = NEW.id;

    if v_milestone_ms > NEW.duration_ms then
        raise exception 'video % cannot be % ms long: it has a milestone at % ms',
            NEW.id, NEW.duration_ms, v_milestone_ms
            using
                errcode = 'IL201',
                hint = 'Move or delete the milestones after the new end first.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'duration_ms';
    end if;

    select
        max((qv.prompt ->> 'frame_ms')::numeric) filter (
            where qv.question_type = 'hotspot'
        ),
        max(upper(qv.transcript_range_ms))
    into v_frame_ms, v_transcript_end_ms
    from content.milestones as m
    inner join content.questions as q
        on m.tenant_id = q.tenant_id and m.id = q.milestone_id
    inner join content.question_versions as qv
        on q.tenant_id = qv.tenant_id and q.id = qv.question_id
    where
        m.tenant_id = NEW.tenant_id
        and m.video_id = NEW.id;

    if v_frame_ms > NEW.duration_ms then
        raise exception 'video % cannot be % ms long: a hotspot question shows its frame at % ms',
            NEW.id, NEW.duration_ms, v_frame_ms
            using
                errcode = 'IL201',
                hint = 'Write a new version of the hotspot question with an earlier frame first.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'duration_ms';
    end if;

    if v_transcript_end_ms > NEW.duration_ms then
        raise exception 'video % cannot be % ms long: generated questions used its transcript '
            'up to % ms', NEW.id, NEW.duration_ms, v_transcript_end_ms
            using
                errcode = 'IL201',
                hint = 'A shorter video is a new video: upload it as a new row.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'duration_ms';
    end if;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_videos__check_duration_covers_content() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_videos__check_duration_covers_content(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_videos__check_duration_covers_content() IS 'Trigger function: raises IL201 when a video''s new duration_ms is shorter than the position of one of its milestones, the frame_ms of a hotspot question on it, or the end of a transcript range that generated questions on it used.';

--
-- Name: tg_videos__check_processing_transition(); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.tg_videos__check_processing_transition() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
begin
    if NEW.processing_status = OLD.processing_status then
        return NEW;
    end if;

    if not (OLD.processing_status, NEW.processing_status) in (
        ('uploaded', 'transcoding'),
        ('uploaded', 'failed'),
        ('transcoding', 'ready'),
        ('transcoding', 'failed'),
        ('failed', 'transcoding'),
        ('ready', 'transcoding')
    ) then
        raise exception 'video % cannot change processing status from % to %',
            NEW.id, OLD.processing_status, NEW.processing_status
            using
                errcode = 'IL200',
                hint = 'Legal changes: uploaded to transcoding or failed, transcoding to ready '
                'or failed, failed or ready to transcoding.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'processing_status';
    end if;

    case NEW.processing_status
        when 'transcoding' then
            NEW.transcoding_started_at := now();
        when 'ready' then
            NEW.ready_at := now();
        when 'failed' then
            NEW.failed_at := now();
        else
            null;
    end case;

    return NEW;
end
$$;

ALTER FUNCTION content.tg_videos__check_processing_transition() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_videos__check_processing_transition(); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.tg_videos__check_processing_transition() IS 'Trigger function: raises IL200 for an illegal change of processing_status (see the type content.video_processing_status) and sets transcoding_started_at, ready_at or failed_at to now() when the status enters that state.';

SET default_table_access_method = heap;

--
-- Name: question_transitions; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.question_transitions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    question_id uuid NOT NULL,
    version integer NOT NULL,
    from_status content.question_status NOT NULL,
    to_status content.question_status NOT NULL,
    actor_id uuid NOT NULL,
    reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_question_transitions_reason_length CHECK (((reason ~ '[^[:space:]]'::text) AND (char_length(reason) <= 2000))),
    CONSTRAINT check_question_transitions_rejection_has_reason CHECK (((to_status <> 'rejected'::content.question_status) OR (reason IS NOT NULL))),
    CONSTRAINT check_question_transitions_status_changes CHECK ((from_status <> to_status))
);

ALTER TABLE ONLY content.question_transitions FORCE ROW LEVEL SECURITY;

ALTER TABLE content.question_transitions OWNER TO ilp_owner;

--
-- Name: TABLE question_transitions; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.question_transitions IS 'Append-only history of the review states of question versions. Inserting a row is how a status changes: a trigger checks the change (IL221) and the actor (IL222), then updates the version.';

--
-- Name: COLUMN question_transitions.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.tenant_id IS 'The tenant of the question.';

--
-- Name: COLUMN question_transitions.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.id IS 'Transition id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN question_transitions.question_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.question_id IS 'The question.';

--
-- Name: COLUMN question_transitions.version; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.version IS 'The question version whose status changed.';

--
-- Name: COLUMN question_transitions.from_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.from_status IS 'Status before the change; the trigger apply_transition sets it from the version.';

--
-- Name: COLUMN question_transitions.to_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.to_status IS 'Status after the change.';

--
-- Name: COLUMN question_transitions.actor_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.actor_id IS 'The teacher or admin who made the change; the trigger apply_transition sets it to the request''s user.';

--
-- Name: COLUMN question_transitions.reason; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.reason IS 'Why the change was made, required for a rejection: not blank, at most 2000 characters.';

--
-- Name: COLUMN question_transitions.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_transitions.created_at IS 'When the change was made.';

--
-- Name: transition_question_version(uuid, integer, content.question_status, text); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.transition_question_version(p_question_id uuid, p_version integer, p_to_status content.question_status, p_reason text DEFAULT NULL::text) RETURNS content.question_transitions
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_tenant_id uuid := app.current_tenant_id();
    v_transition content.question_transitions;
begin
    if v_tenant_id is null then
        raise exception 'changing the status of a question needs a request context'
            using
                errcode = 'IL222',
                hint = 'Call app.begin_request(tenant_id, user_id) first.';
    end if;

    insert into content.question_transitions (
        tenant_id, question_id, version, to_status, reason
    )
    values (v_tenant_id, p_question_id, p_version, p_to_status, p_reason)
    returning * into v_transition;

    return v_transition;
end
$$;

ALTER FUNCTION content.transition_question_version(p_question_id uuid, p_version integer, p_to_status content.question_status, p_reason text) OWNER TO ilp_owner;

--
-- Name: FUNCTION transition_question_version(p_question_id uuid, p_version integer, p_to_status content.question_status, p_reason text); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.transition_question_version(p_question_id uuid, p_version integer, p_to_status content.question_status, p_reason text) IS 'Changes the status of a question version of the request''s tenant by inserting a row into content.question_transitions, whose trigger checks it (IL221 illegal change, IL222 actor not a teacher or admin, IL214 no answer key), and returns that row. p_reason is required for a rejection. Example: select content.transition_question_version(id, 1, ''in_review'').';

--
-- Name: validate_question_answer_key(text, jsonb, jsonb); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.validate_question_answer_key(p_question_type text, p_prompt jsonb, p_answer_key jsonb) RETURNS void
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
declare
    v_ids text[];
    v_key_ids text[];
    v_element jsonb;
    v_field text;
    v_index integer := 0;
    v_prompt_blank_ids text[];
    v_left_ids text[];
    v_right_ids text[];
    v_key_left_ids text[] := '{}';
    v_key_right_ids text[] := '{}';
begin
    -- Raises IL213 for an unknown type and IL210 for an invalid prompt, so the checks below can
    -- rely on the prompt's shape.
    perform content.validate_question_prompt(p_question_type, p_prompt);

    if p_question_type = 'poll' then
        perform content.raise_question_payload_error(
            'IL211', 'answer_key', 'must not exist: poll questions are unscored'
        );
    end if;

    perform content.require_question_field(
        jsonb_typeof(p_answer_key) = 'object', 'IL211', 'answer_key', 'must be a JSON object'
    );

    perform content.require_known_question_fields(
        'IL211',
        'answer_key',
        p_answer_key,
        case p_question_type
            when 'single_choice' then array['correct_option_id']
            when 'multiple_choice' then array['correct_option_ids', 'partial_credit']
            when 'true_false' then array['correct']
            when 'fill_in_blanks' then array['blanks']
            when 'numeric' then array['value', 'tolerance']
            when 'ordering' then array['order']
            when 'matching' then array['pairs']
            when 'hotspot' then array['areas']
            when 'free_text' then array['rubric', 'model_answer']
        end
    );

    case p_question_type
        when 'single_choice' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'correct_option_id') = 'string',
                'IL211',
                'answer_key.correct_option_id',
                'must be a string'
            );
            select coalesce(array_agg(o.value ->> 'id'), '{}')
            into v_ids
            from jsonb_array_elements(p_prompt -> 'options') as o;

            perform content.require_question_field(
                (p_answer_key ->> 'correct_option_id') = any(v_ids),
                'IL212',
                'answer_key.correct_option_id',
                'must be the id of an entry of prompt.options'
            );

        when 'multiple_choice' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'correct_option_ids') = 'array'
                and jsonb_array_length(p_answer_key -> 'correct_option_ids') >= 1,
                'IL211',
                'answer_key.correct_option_ids',
                'must be an array of at least one option id'
            );
            perform content.require_question_field(
                not jsonb_path_exists(
                    p_answer_key, '$.correct_option_ids[*] ? (@.type() != "string")'
                ),
                'IL211',
                'answer_key.correct_option_ids',
                'must contain strings only'
            );
            select array_agg(c.value order by c.ordinality)
            into v_key_ids
            from jsonb_array_elements_text(p_answer_key -> 'correct_option_ids')
                with ordinality as c (value, ordinality);

            perform content.require_question_field(
                cardinality(v_key_ids) = (select count(distinct k) from unnest(v_key_ids) as k),
                'IL211',
                'answer_key.correct_option_ids',
                'must not repeat an option id'
            );
            perform content.require_question_field(
                coalesce(jsonb_typeof(p_answer_key -> 'partial_credit'), 'boolean') = 'boolean',
                'IL211',
                'answer_key.partial_credit',
                'must be a boolean when present'
            );

            select coalesce(array_agg(o.value ->> 'id'), '{}')
            into v_ids
            from jsonb_array_elements(p_prompt -> 'options') as o;

            perform content.require_question_field(
                v_ids @> v_key_ids,
                'IL212',
                'answer_key.correct_option_ids',
                'must contain only ids of entries of prompt.options'
            );

        when 'true_false' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'correct') = 'boolean',
                'IL211',
                'answer_key.correct',
                'must be a boolean'
            );

        when 'fill_in_blanks' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'blanks') = 'array',
                'IL211',
                'answer_key.blanks',
                'must be an array with one entry per blank of the prompt'
            );

            v_key_ids := '{}';
            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'blanks') as e
            loop
                v_field := format('answer_key.blanks[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object', 'IL211', v_field, 'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL211', v_field, v_element, array['id', 'accepted', 'case_sensitive']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'id') = 'string',
                    'IL211',
                    v_field || '.id',
                    'must be a string'
                );
                perform content.require_question_field(
                    not (v_element ->> 'id') = any(v_key_ids),
                    'IL211',
                    v_field || '.id',
                    'must differ from the ids of the earlier entries of answer_key.blanks'
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'accepted') = 'array'
                    and jsonb_array_length(v_element -> 'accepted') between 1 and 50,
                    'IL211',
                    v_field || '.accepted',
                    'must be an array of 1 to 50 accepted answers'
                );
                perform content.require_question_field(
                    not jsonb_path_exists(
                        v_element,
                        '$.accepted[*] ? (@.type() != "string" || !(@ like_regex "[^[:space:]]"))'
                    ),
                    'IL211',
                    v_field || '.accepted',
                    'must contain non-blank strings only'
                );
                perform content.require_question_field(
                    jsonb_array_length(v_element -> 'accepted') = (
                        select count(distinct a.value)
                        from jsonb_array_elements_text(v_element -> 'accepted') as a
                    ),
                    'IL211',
                    v_field || '.accepted',
                    'must not repeat an accepted answer'
                );
                perform content.require_question_field(
                    coalesce(jsonb_typeof(v_element -> 'case_sensitive'), 'boolean') = 'boolean',
                    'IL211',
                    v_field || '.case_sensitive',
                    'must be a boolean when present'
                );

                v_key_ids := v_key_ids || (v_element ->> 'id');
                v_index := v_index + 1;
            end loop;

            select coalesce(array_agg(b.value ->> 'id'), '{}')
            into v_prompt_blank_ids
            from jsonb_array_elements(p_prompt -> 'blanks') as b;

            perform content.require_question_field(
                cardinality(v_key_ids) = cardinality(v_prompt_blank_ids)
                and v_key_ids @> v_prompt_blank_ids,
                'IL212',
                'answer_key.blanks',
                'must have exactly one entry for each blank of prompt.blanks'
            );

        when 'numeric' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'value') = 'number',
                'IL211',
                'answer_key.value',
                'must be a number'
            );
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'tolerance') = 'number',
                'IL211',
                'answer_key.tolerance',
                'must be a number'
            );
            perform content.require_question_field(
                (p_answer_key ->> 'tolerance')::numeric >= 0,
                'IL211',
                'answer_key.tolerance',
                'must not be negative'
            );

        when 'ordering' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'order') = 'array'
                and not jsonb_path_exists(p_answer_key, '$.order[*] ? (@.type() != "string")'),
                'IL211',
                'answer_key.order',
                'must be an array of item ids'
            );
            select coalesce(array_agg(o.value), '{}')
            into v_key_ids
            from jsonb_array_elements_text(p_answer_key -> 'order') as o;

            perform content.require_question_field(
                cardinality(v_key_ids) = (select count(distinct k) from unnest(v_key_ids) as k),
                'IL211',
                'answer_key.order',
                'must not repeat an item id'
            );

            select coalesce(array_agg(i.value ->> 'id'), '{}')
            into v_ids
            from jsonb_array_elements(p_prompt -> 'items') as i;

            perform content.require_question_field(
                cardinality(v_key_ids) = cardinality(v_ids) and v_key_ids @> v_ids,
                'IL212',
                'answer_key.order',
                'must list every id of prompt.items exactly once'
            );

        when 'matching' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'pairs') = 'array',
                'IL211',
                'answer_key.pairs',
                'must be an array with one pair per entry of prompt.left'
            );

            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'pairs') as e
            loop
                v_field := format('answer_key.pairs[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object', 'IL211', v_field, 'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL211', v_field, v_element, array['left', 'right']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'left') = 'string',
                    'IL211',
                    v_field || '.left',
                    'must be a string'
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'right') = 'string',
                    'IL211',
                    v_field || '.right',
                    'must be a string'
                );

                v_key_left_ids := v_key_left_ids || (v_element ->> 'left');
                v_key_right_ids := v_key_right_ids || (v_element ->> 'right');
                v_index := v_index + 1;
            end loop;

            select coalesce(array_agg(l.value ->> 'id'), '{}')
            into v_left_ids
            from jsonb_array_elements(p_prompt -> 'left') as l;

            select coalesce(array_agg(r.value ->> 'id'), '{}')
            into v_right_ids
            from jsonb_array_elements(p_prompt -> 'right') as r;

            perform content.require_question_field(
                cardinality(v_key_left_ids) = cardinality(v_left_ids)
                and v_key_left_ids @> v_left_ids,
                'IL212',
                'answer_key.pairs',
                'must pair every id of prompt.left exactly once'
            );
            perform content.require_question_field(
                v_right_ids @> v_key_right_ids,
                'IL212',
                'answer_key.pairs',
                'must use only ids of prompt.right as right'
            );
            perform content.require_question_field(
                cardinality(v_key_right_ids)
                = (select count(distinct k) from unnest(v_key_right_ids) as k),
                'IL212',
                'answer_key.pairs',
                'must use each id of prompt.right at most once'
            );

        when 'hotspot' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'areas') = 'array'
                and jsonb_array_length(p_answer_key -> 'areas') between 1 and 20,
                'IL211',
                'answer_key.areas',
                'must be an array of 1 to 20 areas'
            );

            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'areas') as e
            loop
                v_field := format('answer_key.areas[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object'
                    and v_element ->> 'shape' in ('rectangle', 'circle'),
                    'IL211',
                    v_field || '.shape',
                    'must be rectangle or circle'
                );

                if v_element ->> 'shape' = 'rectangle' then
                    perform content.require_known_question_fields(
                        'IL211', v_field, v_element, array['shape', 'x', 'y', 'width', 'height']
                    );
                    -- (x, y) is the top-left corner; the rectangle lies inside the frame.
                    perform content.require_question_field(
                        jsonb_typeof(v_element -> 'x') = 'number'
                        and jsonb_typeof(v_element -> 'y') = 'number'
                        and jsonb_typeof(v_element -> 'width') = 'number'
                        and jsonb_typeof(v_element -> 'height') = 'number'
                        and (v_element ->> 'x')::numeric >= 0
                        and (v_element ->> 'y')::numeric >= 0
                        and (v_element ->> 'width')::numeric > 0
                        and (v_element ->> 'height')::numeric > 0
                        and (v_element ->> 'x')::numeric + (v_element ->> 'width')::numeric <= 1
                        and (v_element ->> 'y')::numeric + (v_element ->> 'height')::numeric <= 1,
                        'IL211',
                        v_field,
                        'must have numbers x, y >= 0 and width, height > 0 with x + width <= 1 '
                        'and y + height <= 1'
                    );
                else
                    perform content.require_known_question_fields(
                        'IL211', v_field, v_element, array['shape', 'x', 'y', 'radius']
                    );
                    perform content.require_question_field(
                        jsonb_typeof(v_element -> 'x') = 'number'
                        and jsonb_typeof(v_element -> 'y') = 'number'
                        and jsonb_typeof(v_element -> 'radius') = 'number'
                        and (v_element ->> 'x')::numeric between 0 and 1
                        and (v_element ->> 'y')::numeric between 0 and 1
                        and (v_element ->> 'radius')::numeric > 0
                        and (v_element ->> 'radius')::numeric <= 1,
                        'IL211',
                        v_field,
                        'must have a centre x, y between 0 and 1 and a radius above 0, at most 1'
                    );
                end if;

                v_index := v_index + 1;
            end loop;

        when 'free_text' then
            perform content.require_question_field(
                jsonb_typeof(p_answer_key -> 'rubric') = 'array'
                and jsonb_array_length(p_answer_key -> 'rubric') between 1 and 20,
                'IL211',
                'answer_key.rubric',
                'must be an array of 1 to 20 criteria'
            );

            for v_element in
                select e.value from jsonb_array_elements(p_answer_key -> 'rubric') as e
            loop
                v_field := format('answer_key.rubric[%s]', v_index);

                perform content.require_question_field(
                    jsonb_typeof(v_element) = 'object', 'IL211', v_field, 'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL211', v_field, v_element, array['criterion', 'points']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'criterion') = 'string'
                    and (v_element ->> 'criterion') ~ '[^[:space:]]'
                    and char_length(v_element ->> 'criterion') <= 1000,
                    'IL211',
                    v_field || '.criterion',
                    'must be a non-blank string of at most 1000 characters'
                );
                perform content.require_question_field(
                    jsonb_typeof(v_element -> 'points') = 'number'
                    and (v_element ->> 'points')::numeric >= 0,
                    'IL211',
                    v_field || '.points',
                    'must be a number of at least 0'
                );

                v_index := v_index + 1;
            end loop;

            perform content.require_question_field(
                p_answer_key -> 'model_answer' is null
                or (
                    jsonb_typeof(p_answer_key -> 'model_answer') = 'string'
                    and char_length(p_answer_key ->> 'model_answer') <= 20000
                ),
                'IL211',
                'answer_key.model_answer',
                'must be a string of at most 20000 characters when present'
            );
    end case;
end
$_$;

ALTER FUNCTION content.validate_question_answer_key(p_question_type text, p_prompt jsonb, p_answer_key jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION validate_question_answer_key(p_question_type text, p_prompt jsonb, p_answer_key jsonb); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.validate_question_answer_key(p_question_type text, p_prompt jsonb, p_answer_key jsonb) IS 'Validates the answer key of a question of the given type against its prompt. Raises IL213 (unknown type), IL210 (invalid prompt), IL211 (invalid key) or IL212 (key does not match the prompt), naming the field but never its value; returns nothing when the key is valid. Executable by the owner only, so students cannot probe keys with it.';

--
-- Name: validate_question_prompt(text, jsonb); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.validate_question_prompt(p_question_type text, p_prompt jsonb) RETURNS void
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
declare
    v_known_fields text[];
    v_blank jsonb;
    v_blank_ids text[] := '{}';
    v_placeholders text[];
    v_index integer := 0;
    v_left_ids text[];
    v_right_ids text[];
begin
    -- The type is text rather than content.question_type so that an editor can check raw input
    -- before casting it.
    if
        p_question_type is null
        or not p_question_type = any(enum_range(null::content.question_type)::text [])
    then
        raise exception 'unknown question type %', coalesce(quote_literal(p_question_type), 'null')
            using
                errcode = 'IL213',
                hint = format(
                    'Use one of: %s.',
                    array_to_string(enum_range(null::content.question_type)::text [], ', ')
                );
    end if;

    perform content.require_question_field(
        jsonb_typeof(p_prompt) = 'object', 'IL210', 'prompt', 'must be a JSON object'
    );

    v_known_fields := case p_question_type
        when 'single_choice' then array['text', 'options', 'shuffle']
        when 'multiple_choice' then array['text', 'options', 'shuffle']
        when 'true_false' then array['text']
        when 'fill_in_blanks' then array['text', 'blanks']
        when 'numeric' then array['text', 'unit']
        when 'ordering' then array['text', 'items']
        when 'matching' then array['text', 'left', 'right']
        when 'hotspot' then array['text', 'frame_ms']
        when 'free_text' then array['text', 'max_length']
        when 'poll' then array['text', 'options', 'allow_multiple']
    end;

    perform content.require_known_question_fields('IL210', 'prompt', p_prompt, v_known_fields);

    perform content.require_question_field(
        jsonb_typeof(p_prompt -> 'text') = 'string'
        and (p_prompt ->> 'text') ~ '[^[:space:]]'
        and char_length(p_prompt ->> 'text') <= 5000,
        'IL210',
        'prompt.text',
        'must be a non-blank string of at most 5000 characters'
    );

    case p_question_type
        when 'single_choice', 'multiple_choice', 'poll' then
            perform content.check_question_items('prompt.options', p_prompt -> 'options', 2);

            perform content.require_question_field(
                coalesce(jsonb_typeof(p_prompt -> 'shuffle'), 'boolean') = 'boolean',
                'IL210',
                'prompt.shuffle',
                'must be a boolean when present'
            );
            perform content.require_question_field(
                coalesce(jsonb_typeof(p_prompt -> 'allow_multiple'), 'boolean') = 'boolean',
                'IL210',
                'prompt.allow_multiple',
                'must be a boolean when present'
            );

        when 'true_false' then
            null;

        when 'fill_in_blanks' then
            perform content.require_question_field(
                jsonb_typeof(p_prompt -> 'blanks') = 'array'
                and jsonb_array_length(p_prompt -> 'blanks') between 1 and 20,
                'IL210',
                'prompt.blanks',
                'must be an array of 1 to 20 blanks'
            );

            for v_blank in select e.value from jsonb_array_elements(p_prompt -> 'blanks') as e loop
                perform content.require_question_field(
                    jsonb_typeof(v_blank) = 'object',
                    'IL210',
                    format('prompt.blanks[%s]', v_index),
                    'must be an object'
                );
                perform content.require_known_question_fields(
                    'IL210', format('prompt.blanks[%s]', v_index), v_blank, array['id']
                );
                perform content.require_question_field(
                    jsonb_typeof(v_blank -> 'id') = 'string'
                    and (v_blank ->> 'id') ~ '^[A-Za-z0-9_-]{1,64}$',
                    'IL210',
                    format('prompt.blanks[%s].id', v_index),
                    'must be a string of 1 to 64 letters, digits, - or _'
                );
                perform content.require_question_field(
                    not (v_blank ->> 'id') = any(v_blank_ids),
                    'IL210',
                    format('prompt.blanks[%s].id', v_index),
                    'must differ from the ids of the earlier blanks'
                );
                v_blank_ids := v_blank_ids || (v_blank ->> 'id');
                v_index := v_index + 1;
            end loop;

            -- Each blank appears in the text exactly once, as {{id}}, and the text has no other
            -- placeholder.
            select coalesce(array_agg(m.match[1]), '{}')
            into v_placeholders
            from regexp_matches(p_prompt ->> 'text', '\{\{([^{}]*)\}\}', 'g') as m (match);

            perform content.require_question_field(
                cardinality(v_placeholders) = cardinality(v_blank_ids)
                and v_placeholders @> v_blank_ids,
                'IL210',
                'prompt.text',
                'must contain each blank of prompt.blanks exactly once as {{id}}, and no other '
                '{{...}} placeholder'
            );

        when 'numeric' then
            perform content.require_question_field(
                p_prompt -> 'unit' is null
                or (
                    jsonb_typeof(p_prompt -> 'unit') = 'string'
                    and (p_prompt ->> 'unit') ~ '[^[:space:]]'
                    and char_length(p_prompt ->> 'unit') <= 50
                ),
                'IL210',
                'prompt.unit',
                'must be a non-blank string of at most 50 characters when present'
            );

        when 'ordering' then
            perform content.check_question_items('prompt.items', p_prompt -> 'items', 2);

        when 'matching' then
            v_left_ids := content.check_question_items('prompt.left', p_prompt -> 'left', 2);
            v_right_ids := content.check_question_items('prompt.right', p_prompt -> 'right', 2);

            perform content.require_question_field(
                cardinality(v_right_ids) >= cardinality(v_left_ids),
                'IL210',
                'prompt.right',
                'must have at least as many entries as prompt.left, because every left entry '
                'is matched to a different right entry'
            );
            perform content.require_question_field(
                not v_left_ids && v_right_ids,
                'IL210',
                'prompt.right',
                'must use ids that differ from those of prompt.left'
            );

        when 'hotspot' then
            perform content.require_question_field(
                jsonb_typeof(p_prompt -> 'frame_ms') = 'number'
                and (p_prompt ->> 'frame_ms')::numeric between 0 and 2147483647
                and (p_prompt ->> 'frame_ms')::numeric % 1 = 0,
                'IL210',
                'prompt.frame_ms',
                'must be a whole number of milliseconds from 0 into the video'
            );

        when 'free_text' then
            perform content.require_question_field(
                p_prompt -> 'max_length' is null
                or (
                    jsonb_typeof(p_prompt -> 'max_length') = 'number'
                    and (p_prompt ->> 'max_length')::numeric between 1 and 20000
                    and (p_prompt ->> 'max_length')::numeric % 1 = 0
                ),
                'IL210',
                'prompt.max_length',
                'must be a whole number from 1 to 20000 when present'
            );
    end case;
end
$_$;

ALTER FUNCTION content.validate_question_prompt(p_question_type text, p_prompt jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION validate_question_prompt(p_question_type text, p_prompt jsonb); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.validate_question_prompt(p_question_type text, p_prompt jsonb) IS 'Validates the prompt of a question of the given type (a content.question_type value as text). Raises IL213 for an unknown type and IL210, naming the first invalid field, for an invalid prompt; returns nothing when the prompt is valid. Students may call it: a prompt holds no answer.';

--
-- Name: write_question_answer_key(uuid, integer, jsonb); Type: FUNCTION; Schema: content; Owner: ilp_owner
--

CREATE FUNCTION content.write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION content.write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb); Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON FUNCTION content.write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb) IS 'Sets the answer key of a draft version of a question that the request''s user may edit (42501 otherwise), or deletes it when p_answer_key is null. The key''s trigger raises IL211 or IL212 for an invalid key and IL220 when the version is not a draft.';

--
-- Name: apply_retry_penalty(numeric, numeric, numeric, integer); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.apply_retry_penalty(p_credit numeric, p_points numeric, p_penalty_points numeric, p_attempt_number integer) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return greatest(
        round(p_credit * p_points, 2) - coalesce(p_penalty_points, 0) * (p_attempt_number - 1),
        0
    );
end
$$;

ALTER FUNCTION learning.apply_retry_penalty(p_credit numeric, p_points numeric, p_penalty_points numeric, p_attempt_number integer) OWNER TO ilp_owner;

--
-- Name: FUNCTION apply_retry_penalty(p_credit numeric, p_points numeric, p_penalty_points numeric, p_attempt_number integer); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.apply_retry_penalty(p_credit numeric, p_points numeric, p_penalty_points numeric, p_attempt_number integer) IS 'Returns the score of an attempt: p_credit (0 to 1) times p_points, rounded to 2 decimal places half away from zero, minus p_penalty_points for each attempt before this one, at least 0. Example: (1, 2, 0.5, 3) gives 1.00.';

--
-- Name: can_student_see_lesson(uuid, uuid, uuid); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.can_student_see_lesson(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return exists (
        select
        from content.lessons as l
        inner join content.lesson_assignments as a
            on l.tenant_id = a.tenant_id and l.id = a.lesson_id
        inner join tenancy.enrollments as e
            on a.tenant_id = e.tenant_id and a.class_id = e.class_id
        where
            l.tenant_id = p_tenant_id
            and l.id = p_lesson_id
            and l.status = 'published'
            and e.user_id = p_user_id
            and (e.ended_at is null or e.ended_at > now())
    );
end
$$;

ALTER FUNCTION learning.can_student_see_lesson(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION can_student_see_lesson(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.can_student_see_lesson(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid) IS 'Returns whether the lesson is published and assigned to a class in which the user has a current enrollment (ended_at null or in the future). Reads under the caller''s policies.';

--
-- Name: current_student(); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.current_student(OUT tenant_id uuid, OUT user_id uuid) RETURNS record
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
    c_uuid_pattern constant text := '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$';
    v_tenant_text text := current_setting('ilp.tenant_id', true);
    v_user_text text := current_setting('ilp.user_id', true);
    v_role tenancy.member_role;
begin
    -- Settings that are not canonical UUIDs name no membership, as in app.current_membership().
    if v_tenant_text ~* c_uuid_pattern and v_user_text ~* c_uuid_pattern then
        select m.tenant_id, m.user_id, m.role
        into tenant_id, user_id, v_role
        from tenancy.memberships as m
        inner join tenancy.tenants as t on m.tenant_id = t.id
        inner join tenancy.users as u on m.user_id = u.id
        where
            m.tenant_id = v_tenant_text::uuid
            and m.user_id = v_user_text::uuid
            and m.status = 'active'
            and t.status = 'active'
            and u.status = 'active';
    end if;

    if tenant_id is null then
        raise exception 'no request context: the learning functions act for a signed-in student'
            using
                errcode = 'IL300',
                hint = 'Call app.begin_request(tenant_id, user_id) first in the transaction.';
    end if;

    if v_role <> 'student' then
        raise exception 'user % is a % of tenant %, and only students record progress and answers',
            user_id, v_role, tenant_id
            using errcode = 'IL301';
    end if;
end
$_$;

ALTER FUNCTION learning.current_student(OUT tenant_id uuid, OUT user_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION current_student(OUT tenant_id uuid, OUT user_id uuid); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.current_student(OUT tenant_id uuid, OUT user_id uuid) IS 'Returns (tenant_id, user_id) of the request context, checked as app.current_membership() checks it. Raises IL300 without a valid context and IL301 when the member is not a student.';

--
-- Name: effective_settings(uuid, uuid, uuid); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.effective_settings(p_tenant_id uuid, p_lesson_id uuid, p_video_id uuid DEFAULT NULL::uuid, OUT completion_threshold numeric, OUT grade_policy learning.grade_policy, OUT ordering_strategy learning.ordering_strategy, OUT matching_strategy learning.matching_strategy) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_video_threshold numeric;
begin
    select
        ls.completion_threshold,
        ls.grade_policy,
        ls.ordering_strategy,
        ls.matching_strategy
    into completion_threshold, grade_policy, ordering_strategy, matching_strategy
    from learning.lesson_settings as ls
    where
        ls.tenant_id = p_tenant_id
        and ls.lesson_id = p_lesson_id;

    -- The defaults of the columns of learning.lesson_settings, for a lesson without a row.
    if not found then
        completion_threshold := 0.9;
        grade_policy := 'highest';
        ordering_strategy := 'pairwise';
        matching_strategy := 'per_pair';
    end if;

    if p_video_id is not null then
        select vs.completion_threshold
        into v_video_threshold
        from learning.video_settings as vs
        where
            vs.tenant_id = p_tenant_id
            and vs.video_id = p_video_id;

        if found then
            completion_threshold := v_video_threshold;
        end if;
    end if;
end
$$;

ALTER FUNCTION learning.effective_settings(p_tenant_id uuid, p_lesson_id uuid, p_video_id uuid, OUT completion_threshold numeric, OUT grade_policy learning.grade_policy, OUT ordering_strategy learning.ordering_strategy, OUT matching_strategy learning.matching_strategy) OWNER TO ilp_owner;

--
-- Name: FUNCTION effective_settings(p_tenant_id uuid, p_lesson_id uuid, p_video_id uuid, OUT completion_threshold numeric, OUT grade_policy learning.grade_policy, OUT ordering_strategy learning.ordering_strategy, OUT matching_strategy learning.matching_strategy); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.effective_settings(p_tenant_id uuid, p_lesson_id uuid, p_video_id uuid, OUT completion_threshold numeric, OUT grade_policy learning.grade_policy, OUT ordering_strategy learning.ordering_strategy, OUT matching_strategy learning.matching_strategy) IS 'Returns one row with the completion threshold (the video''s override, else the lesson''s, else 0.9), the grade policy (default highest), the ordering strategy (default pairwise) and the matching strategy (default per_pair) of a lesson and, optionally, one of its videos.';

--
-- Name: question_attempts; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.question_attempts (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    user_id uuid NOT NULL,
    question_id uuid NOT NULL,
    question_version integer NOT NULL,
    attempt_number smallint NOT NULL,
    response jsonb NOT NULL,
    status learning.attempt_status NOT NULL,
    outcome learning.answer_outcome,
    auto_score numeric(6,2),
    penalty_points numeric(6,2) DEFAULT 0 NOT NULL,
    score numeric(6,2),
    max_score numeric(6,2) NOT NULL,
    feedback text,
    graded_by uuid,
    graded_at timestamp with time zone,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_question_attempts_attempt_number_positive CHECK ((attempt_number > 0)),
    CONSTRAINT check_question_attempts_feedback_length CHECK ((char_length(feedback) <= 5000)),
    CONSTRAINT check_question_attempts_graded_has_score CHECK (((status = 'graded'::learning.attempt_status) = ((score IS NOT NULL) AND (graded_at IS NOT NULL)))),
    CONSTRAINT check_question_attempts_outcome_needs_auto_score CHECK (((outcome IS NULL) OR (auto_score IS NOT NULL))),
    CONSTRAINT check_question_attempts_response_is_object CHECK ((jsonb_typeof(response) = 'object'::text)),
    CONSTRAINT check_question_attempts_scores CHECK (((max_score >= (0)::numeric) AND (penalty_points >= (0)::numeric) AND (auto_score >= (0)::numeric) AND (auto_score <= max_score) AND (score >= (0)::numeric) AND (score <= max_score)))
);

ALTER TABLE ONLY learning.question_attempts FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.question_attempts OWNER TO ilp_owner;

--
-- Name: TABLE question_attempts; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.question_attempts IS 'One answer of a student to an approved question version, numbered from 1 per student and version, with its grade. Written by learning.submit_answer() and learning.grade_attempt().';

--
-- Name: COLUMN question_attempts.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.tenant_id IS 'The tenant of the student and the question.';

--
-- Name: COLUMN question_attempts.id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.id IS 'Attempt id (UUID version 7, or chosen by the client to make a submission idempotent); the key is (tenant_id, id).';

--
-- Name: COLUMN question_attempts.user_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.user_id IS 'The student who answered.';

--
-- Name: COLUMN question_attempts.question_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.question_id IS 'The question answered.';

--
-- Name: COLUMN question_attempts.question_version; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.question_version IS 'The exact version answered, whose type and key graded the response.';

--
-- Name: COLUMN question_attempts.attempt_number; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.attempt_number IS '1 for the student''s first attempt on this version, then 2, 3 and so on, never above the version''s max_attempts.';

--
-- Name: COLUMN question_attempts.response; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.response IS 'The answer as a JSON object whose shape depends on the question type (see docs/learning.md), checked by learning.validate_response() (IL323).';

--
-- Name: COLUMN question_attempts.status; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.status IS 'graded or needs_grading; see the type learning.attempt_status.';

--
-- Name: COLUMN question_attempts.outcome; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.outcome IS 'Correctness found by auto-grading, before the retry penalty; null for free text and polls.';

--
-- Name: COLUMN question_attempts.auto_score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.auto_score IS 'Score given by auto-grading, after the retry penalty; null when the type is graded by a teacher. Kept when a teacher overrides the score.';

--
-- Name: COLUMN question_attempts.penalty_points; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.penalty_points IS 'Points deducted by auto-grading for the earlier attempts: the version''s retry_penalty_points times (attempt_number - 1), at most what the answer earned.';

--
-- Name: COLUMN question_attempts.score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.score IS 'Current score, from 0 to max_score: the teacher''s grade when there is one, else auto_score; null while waiting for a teacher.';

--
-- Name: COLUMN question_attempts.max_score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.max_score IS 'The version''s points when the attempt was made (0 for polls).';

--
-- Name: COLUMN question_attempts.feedback; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.feedback IS 'Feedback shown to the student: the version''s feedback for the outcome, or the teacher''s; at most 5000 characters.';

--
-- Name: COLUMN question_attempts.graded_by; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.graded_by IS 'The teacher or admin who gave the current score; null when auto-grading gave it.';

--
-- Name: COLUMN question_attempts.graded_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.graded_at IS 'When the current score was given.';

--
-- Name: COLUMN question_attempts.submitted_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.submitted_at IS 'When the server received the answer.';

--
-- Name: COLUMN question_attempts.created_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN question_attempts.updated_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_attempts.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: grade_attempt(uuid, numeric, text); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text DEFAULT NULL::text) RETURNS learning.question_attempts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_context record;
    v_attempt learning.question_attempts;
    v_lesson_id uuid;
    v_settings record;
begin
    select c.tenant_id, c.user_id, c.member_role
    into v_context
    from app.current_membership() as c;

    if v_context.tenant_id is null then
        raise exception 'no request context: grading acts for a signed-in teacher or admin'
            using
                errcode = 'IL300',
                hint = 'Call app.begin_request(tenant_id, user_id) first in the transaction.';
    end if;

    if v_context.member_role not in ('teacher', 'admin') then
        raise exception 'user % is a % of tenant %, and only teachers and admins grade attempts',
            v_context.user_id, v_context.member_role, v_context.tenant_id
            using errcode = 'IL301';
    end if;

    select a.*
    into v_attempt
    from learning.question_attempts as a
    where
        a.tenant_id = v_context.tenant_id
        and a.id = p_attempt_id;

    if not found then
        raise exception 'attempt % not found in tenant %',
            coalesce(p_attempt_id::text, 'null'), v_context.tenant_id
            using errcode = 'IL330';
    end if;

    -- A teacher grades the students of the classes they teach now, the attempts that the
    -- policies let them read. An admin grades every student of the tenant.
    if
        v_context.member_role = 'teacher'
        and not exists (
            select
            from tenancy.class_teachers as ct
            inner join tenancy.enrollments as e
                on ct.tenant_id = e.tenant_id and ct.class_id = e.class_id
            where
                ct.tenant_id = v_context.tenant_id
                and ct.user_id = v_context.user_id
                and (ct.ended_at is null or ct.ended_at > now())
                and e.user_id = v_attempt.user_id
                and (e.ended_at is null or e.ended_at > now())
        )
    then
        raise exception 'teacher % teaches no class of student %, who made attempt %',
            v_context.user_id, v_attempt.user_id, p_attempt_id
            using errcode = 'IL331';
    end if;

    if p_score is null or p_score < 0 or p_score > v_attempt.max_score then
        raise exception 'score % is outside the range of attempt %, from 0 to %',
            coalesce(p_score::text, 'null'), p_attempt_id, v_attempt.max_score
            using errcode = 'IL332';
    end if;

    if p_score <> round(p_score, 2) then
        raise exception 'score % has more than 2 decimal places', p_score
            using errcode = 'IL332';
    end if;

    select q.lesson_id
    into v_lesson_id
    from content.questions as q
    where
        q.tenant_id = v_attempt.tenant_id
        and q.id = v_attempt.question_id;

    select *
    into v_settings
    from learning.effective_settings(v_attempt.tenant_id, v_lesson_id);

    -- Locks in the order learning.submit_answer() takes them: the results row, then the
    -- attempt.
    perform
    from learning.question_results as r
    where
        r.tenant_id = v_attempt.tenant_id
        and r.user_id = v_attempt.user_id
        and r.question_id = v_attempt.question_id
        and r.question_version = v_attempt.question_version
    for update;

    select a.*
    into v_attempt
    from learning.question_attempts as a
    where
        a.tenant_id = v_context.tenant_id
        and a.id = p_attempt_id
    for update;

    insert into learning.attempt_grades (
        tenant_id, attempt_id, score, previous_score, feedback, graded_by
    )
    values (
        v_attempt.tenant_id,
        v_attempt.id,
        p_score,
        v_attempt.score,
        p_feedback,
        v_context.user_id
    );

    update learning.question_attempts as a
    set
        status = 'graded',
        score = p_score,
        feedback = coalesce(p_feedback, a.feedback),
        graded_by = v_context.user_id,
        graded_at = now()
    where
        a.tenant_id = v_attempt.tenant_id
        and a.id = v_attempt.id
    returning a.* into v_attempt;

    perform learning.refresh_question_result(
        v_attempt.tenant_id,
        v_attempt.user_id,
        v_attempt.question_id,
        v_attempt.question_version,
        v_settings.grade_policy
    );

    return v_attempt;
end
$$;

ALTER FUNCTION learning.grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text) IS 'Gives an attempt a score from 0 to its max_score with at most 2 decimal places, as the request''s teacher (of a class the student attends now) or admin: a first grade of a free-text answer or an override of any score. Records the grade, who gave it and when in learning.attempt_grades, updates the attempt (keeping its feedback when p_feedback is null) and the student''s current score, and returns the attempt. Raises IL300 (no context), IL301 (not a teacher or admin), IL330 (attempt not found), IL331 (teacher of none of the student''s classes) and IL332 (score out of range).';

--
-- Name: grade_fill_in_blanks(jsonb, jsonb); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_fill_in_blanks(p_answers jsonb, p_key_blanks jsonb) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION learning.grade_fill_in_blanks(p_answers jsonb, p_key_blanks jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_fill_in_blanks(p_answers jsonb, p_key_blanks jsonb); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_fill_in_blanks(p_answers jsonb, p_key_blanks jsonb) IS 'Returns the credit of a fill-in-the-blanks answer, rounded to 6 decimal places: the share of the answer key''s blanks (p_key_blanks, an array of {id, accepted, case_sensitive}) whose answer in p_answers (an object of blank id to text) equals an accepted answer after learning.normalize_blank_answer(). A missing answer is wrong.';

--
-- Name: grade_hotspot(numeric, numeric, jsonb); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_hotspot(p_x numeric, p_y numeric, p_areas jsonb) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    -- Coordinates are fractions of the frame's width and height, from its top-left corner, as
    -- in the answer key; edges count as inside.
    if
        exists (
            select
            from jsonb_array_elements(p_areas) as a (area)
            where
                case a.area ->> 'shape'
                    when 'rectangle' then
                        p_x between (a.area ->> 'x')::numeric
                        and (a.area ->> 'x')::numeric + (a.area ->> 'width')::numeric
                        and p_y between (a.area ->> 'y')::numeric
                        and (a.area ->> 'y')::numeric + (a.area ->> 'height')::numeric
                    when 'circle' then
                        (p_x - (a.area ->> 'x')::numeric) ^ 2
                        + (p_y - (a.area ->> 'y')::numeric) ^ 2
                        <= ((a.area ->> 'radius')::numeric) ^ 2
                    else false
                end
        )
    then
        return 1;
    end if;

    return 0;
end
$$;

ALTER FUNCTION learning.grade_hotspot(p_x numeric, p_y numeric, p_areas jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_hotspot(p_x numeric, p_y numeric, p_areas jsonb); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_hotspot(p_x numeric, p_y numeric, p_areas jsonb) IS 'Returns 1 when the point (p_x, p_y), in fractions of the frame from its top-left corner, lies in or on the edge of a rectangle {x, y, width, height} or circle {x, y, radius} of p_areas, else 0.';

--
-- Name: grade_matching(jsonb, jsonb, learning.matching_strategy); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_matching(p_pairs jsonb, p_key_pairs jsonb, p_strategy learning.matching_strategy) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_key_count integer;
    v_correct_count integer;
    v_wrong_count integer;
begin
    select count(*)
    into v_key_count
    from jsonb_object_keys(p_key_pairs) as k;

    if v_key_count = 0 then
        return 0;
    end if;

    if p_pairs = p_key_pairs then
        return 1;
    end if;

    if p_strategy = 'exact' then
        return 0;
    end if;

    select
        count(*) filter (where p_key_pairs -> a.key = a.value),
        count(*) filter (where (p_key_pairs -> a.key) is distinct from a.value)
    into v_correct_count, v_wrong_count
    from jsonb_each(p_pairs) as a;

    return round(greatest(v_correct_count - v_wrong_count, 0)::numeric / v_key_count, 6);
end
$$;

ALTER FUNCTION learning.grade_matching(p_pairs jsonb, p_key_pairs jsonb, p_strategy learning.matching_strategy) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_matching(p_pairs jsonb, p_key_pairs jsonb, p_strategy learning.matching_strategy); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_matching(p_pairs jsonb, p_key_pairs jsonb, p_strategy learning.matching_strategy) IS 'Returns the credit of a matching answer, rounded to 6 decimal places. Both arguments are JSON objects of left id to right id. 1 when the answer equals the key; otherwise 0 with strategy exact, or with per_pair (key pairs matched - other pairs given) / number of key pairs, at least 0.';

--
-- Name: grade_multiple_choice(text[], text[], boolean); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_multiple_choice(p_selected text[], p_correct text[], p_partial_credit boolean) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_selected text[] := array(select distinct s from unnest(p_selected) as s);
    v_correct text[] := array(select distinct c from unnest(p_correct) as c);
    v_hits integer;
    v_misses integer;
begin
    if v_selected @> v_correct and v_correct @> v_selected then
        return 1;
    end if;

    if not coalesce(p_partial_credit, false) or cardinality(v_correct) = 0 then
        return 0;
    end if;

    -- Each correct option selected earns its share, and each wrong option selected takes one
    -- share back, so selecting every option earns nothing.
    select
        count(*) filter (where s = any(v_correct)),
        count(*) filter (where not s = any(v_correct))
    into v_hits, v_misses
    from unnest(v_selected) as s;

    return round(greatest(v_hits - v_misses, 0)::numeric / cardinality(v_correct), 6);
end
$$;

ALTER FUNCTION learning.grade_multiple_choice(p_selected text[], p_correct text[], p_partial_credit boolean) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_multiple_choice(p_selected text[], p_correct text[], p_partial_credit boolean); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_multiple_choice(p_selected text[], p_correct text[], p_partial_credit boolean) IS 'Returns the credit of a multiple-choice answer, rounded to 6 decimal places: 1 when the selected options are exactly the correct ones (duplicates ignored); otherwise 0, or with p_partial_credit (correct selected - wrong selected) / number of correct options, at least 0.';

--
-- Name: grade_numeric(numeric, numeric, numeric); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_numeric(p_value numeric, p_expected numeric, p_tolerance numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    if abs(p_value - p_expected) <= coalesce(p_tolerance, 0) then
        return 1;
    end if;

    return 0;
end
$$;

ALTER FUNCTION learning.grade_numeric(p_value numeric, p_expected numeric, p_tolerance numeric) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_numeric(p_value numeric, p_expected numeric, p_tolerance numeric); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_numeric(p_value numeric, p_expected numeric, p_tolerance numeric) IS 'Returns 1 when |p_value - p_expected| <= p_tolerance (both ends included, exact decimal arithmetic), else 0; 0 for a null value.';

--
-- Name: grade_ordering(text[], text[], learning.ordering_strategy); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_ordering(p_order text[], p_correct text[], p_strategy learning.ordering_strategy) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_item_count integer := cardinality(p_correct);
    v_matches bigint;
begin
    if p_order = p_correct then
        return 1;
    end if;

    if v_item_count < 2 or p_strategy = 'exact' then
        return 0;
    end if;

    if p_strategy = 'position' then
        select count(*)
        into v_matches
        from unnest(p_order, p_correct) as o (given, expected)
        where o.given = o.expected;

        return round(v_matches::numeric / v_item_count, 6);
    end if;

    -- pairwise: the share of the n(n-1)/2 pairs of the key whose two items the answer places in
    -- the same relative order. An item missing from the answer orders no pair.
    select count(*)
    into v_matches
    from unnest(p_correct) with ordinality as first_item (item, key_position)
    inner join unnest(p_correct) with ordinality as second_item (item, key_position)
        on first_item.key_position < second_item.key_position
    where
        array_position(p_order, first_item.item) < array_position(p_order, second_item.item);

    return round(v_matches::numeric / (v_item_count * (v_item_count - 1) / 2), 6);
end
$$;

ALTER FUNCTION learning.grade_ordering(p_order text[], p_correct text[], p_strategy learning.ordering_strategy) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_ordering(p_order text[], p_correct text[], p_strategy learning.ordering_strategy); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_ordering(p_order text[], p_correct text[], p_strategy learning.ordering_strategy) IS 'Returns the credit of an ordering answer, rounded to 6 decimal places: 1 for the exact order; otherwise 0 with strategy exact, the share of positions holding the right item with position, or the share of item pairs in the right relative order with pairwise (see the type learning.ordering_strategy).';

--
-- Name: grade_response(content.question_type, jsonb, jsonb, learning.ordering_strategy, learning.matching_strategy); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.grade_response(p_question_type content.question_type, p_answer_key jsonb, p_response jsonb, p_ordering_strategy learning.ordering_strategy, p_matching_strategy learning.matching_strategy) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION learning.grade_response(p_question_type content.question_type, p_answer_key jsonb, p_response jsonb, p_ordering_strategy learning.ordering_strategy, p_matching_strategy learning.matching_strategy) OWNER TO ilp_owner;

--
-- Name: FUNCTION grade_response(p_question_type content.question_type, p_answer_key jsonb, p_response jsonb, p_ordering_strategy learning.ordering_strategy, p_matching_strategy learning.matching_strategy); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.grade_response(p_question_type content.question_type, p_answer_key jsonb, p_response jsonb, p_ordering_strategy learning.ordering_strategy, p_matching_strategy learning.matching_strategy) IS 'Returns the credit, from 0 to 1, of a response that learning.validate_response() accepted, graded with the answer key (shapes in docs/content.md) and the lesson''s ordering and matching strategies; null for free_text (graded by a teacher) and poll (unscored).';

--
-- Name: has_reached_position(int4multirange, integer); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.has_reached_position(p_segments int4multirange, p_position_ms integer) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    -- A player pauses at a milestone, and its last report may stop a little before it, so any
    -- watched millisecond in the 1000 ms before the position (or at it) counts. A position
    -- within the first 1000 ms needs no watching at all.
    return p_position_ms <= 1000
        or coalesce(p_segments && int4range(p_position_ms - 1000, p_position_ms, '[]'), false);
end
$$;

ALTER FUNCTION learning.has_reached_position(p_segments int4multirange, p_position_ms integer) OWNER TO ilp_owner;

--
-- Name: FUNCTION has_reached_position(p_segments int4multirange, p_position_ms integer); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.has_reached_position(p_segments int4multirange, p_position_ms integer) IS 'Returns whether the student has watched up to a position: true when the position is within the first 1000 ms, or when the watched segments contain a millisecond of [position - 1000, position]; false for null segments beyond that first second.';

--
-- Name: merge_video_progress(uuid, uuid, uuid, uuid, integer, numeric, int4multirange, integer, timestamp with time zone, uuid, integer, uuid, text, timestamp with time zone); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.merge_video_progress(p_tenant_id uuid, p_user_id uuid, p_video_id uuid, p_lesson_id uuid, p_duration_ms integer, p_completion_threshold numeric, p_segments int4multirange, p_furthest_position_ms integer, p_latest_event_at timestamp with time zone, p_latest_event_id uuid, p_latest_position_ms integer, p_latest_session_id uuid, p_latest_device_id text, p_earliest_event_at timestamp with time zone) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    -- Segments are clipped to the video, because positions may exceed the duration by the
    -- ingest tolerance.
    v_segments int4multirange := coalesce(p_segments, '{}'::int4multirange)
        * int4multirange(int4range(0, p_duration_ms));
    v_watched_ms integer;
begin
    -- One statement in the usual case, when the row exists. Each expression is computed from
    -- the row as the update finds it: when another call updates it first, PostgreSQL waits and
    -- evaluates them again on that call's result, so no segment is lost. The watched length is
    -- summed by a subquery rather than learning.watched_length_ms(), which saves a function call
    -- per event.
    update learning.video_progress as p
    set
        last_position_ms = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then least(p_latest_position_ms, p_duration_ms)
            else p.last_position_ms
        end,
        last_event_at = greatest(p.last_event_at, p_latest_event_at),
        last_event_id = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then p_latest_event_id
            else p.last_event_id
        end,
        last_session_id = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then p_latest_session_id
            else p.last_session_id
        end,
        last_device_id = case
            when (p_latest_event_at, p_latest_event_id) > (p.last_event_at, p.last_event_id)
                then p_latest_device_id
            else p.last_device_id
        end,
        furthest_position_ms = greatest(
            p.furthest_position_ms, least(p_furthest_position_ms, p_duration_ms)
        ),
        completion_threshold = p_completion_threshold,
        -- One subquery computes the union and its length once for the four columns.
        (watched_segments, watched_ms, watched_fraction, completed_at) = (
            select
                merged.segments,
                merged.watched_ms,
                least(round(merged.watched_ms::numeric / p_duration_ms, 4), 1),
                coalesce(
                    p.completed_at,
                    case
                        when merged.watched_ms >= p_completion_threshold * p_duration_ms
                            then p_latest_event_at
                    end
                )
            from (
                select
                    p.watched_segments + v_segments as segments,
                    (
                        select coalesce(sum(upper(r.segment) - lower(r.segment)), 0)::integer
                        from unnest(p.watched_segments + v_segments) as r (segment)
                    ) as watched_ms
                -- offset 0 keeps the planner from copying the sum into each column that uses it.
                offset 0
            ) as merged
        ),
        first_event_at = least(p.first_event_at, p_earliest_event_at),
        updated_at = now()
    where
        p.tenant_id = p_tenant_id
        and p.user_id = p_user_id
        and p.video_id = p_video_id;

    if found then
        return;
    end if;

    v_watched_ms := learning.watched_length_ms(v_segments);

    insert into learning.video_progress (
        tenant_id,
        user_id,
        video_id,
        lesson_id,
        last_position_ms,
        last_event_at,
        last_event_id,
        last_session_id,
        last_device_id,
        furthest_position_ms,
        watched_segments,
        watched_ms,
        watched_fraction,
        completion_threshold,
        completed_at,
        first_event_at
    )
    values (
        p_tenant_id,
        p_user_id,
        p_video_id,
        p_lesson_id,
        least(p_latest_position_ms, p_duration_ms),
        p_latest_event_at,
        p_latest_event_id,
        p_latest_session_id,
        p_latest_device_id,
        least(p_furthest_position_ms, p_duration_ms),
        v_segments,
        v_watched_ms,
        least(round(v_watched_ms::numeric / p_duration_ms, 4), 1),
        p_completion_threshold,
        case when v_watched_ms >= p_completion_threshold * p_duration_ms then p_latest_event_at end,
        p_earliest_event_at
    )
    on conflict on constraint pk_video_progress do nothing;

    if found then
        return;
    end if;

    -- Another transaction inserted the row after the update above found none: merge into it.
    perform learning.merge_video_progress(
        p_tenant_id,
        p_user_id,
        p_video_id,
        p_lesson_id,
        p_duration_ms,
        p_completion_threshold,
        p_segments,
        p_furthest_position_ms,
        p_latest_event_at,
        p_latest_event_id,
        p_latest_position_ms,
        p_latest_session_id,
        p_latest_device_id,
        p_earliest_event_at
    );
end
$$;

ALTER FUNCTION learning.merge_video_progress(p_tenant_id uuid, p_user_id uuid, p_video_id uuid, p_lesson_id uuid, p_duration_ms integer, p_completion_threshold numeric, p_segments int4multirange, p_furthest_position_ms integer, p_latest_event_at timestamp with time zone, p_latest_event_id uuid, p_latest_position_ms integer, p_latest_session_id uuid, p_latest_device_id text, p_earliest_event_at timestamp with time zone) OWNER TO ilp_owner;

--
-- Name: FUNCTION merge_video_progress(p_tenant_id uuid, p_user_id uuid, p_video_id uuid, p_lesson_id uuid, p_duration_ms integer, p_completion_threshold numeric, p_segments int4multirange, p_furthest_position_ms integer, p_latest_event_at timestamp with time zone, p_latest_event_id uuid, p_latest_position_ms integer, p_latest_session_id uuid, p_latest_device_id text, p_earliest_event_at timestamp with time zone); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.merge_video_progress(p_tenant_id uuid, p_user_id uuid, p_video_id uuid, p_lesson_id uuid, p_duration_ms integer, p_completion_threshold numeric, p_segments int4multirange, p_furthest_position_ms integer, p_latest_event_at timestamp with time zone, p_latest_event_id uuid, p_latest_position_ms integer, p_latest_session_id uuid, p_latest_device_id text, p_earliest_event_at timestamp with time zone) IS 'Inserts or updates the learning.video_progress row of a student and video with the summary of newly stored events: their watched segments (added to the row''s), their greatest position, their latest event by (occurred_at, event_id), which moves the resume point only when it is newer than the row''s, and their earliest time. Sets completed_at once the watched length reaches the threshold. Called by the ingest functions, which have checked the arguments.';

--
-- Name: normalize_blank_answer(text, boolean); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.normalize_blank_answer(p_answer text, p_case_sensitive boolean) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION learning.normalize_blank_answer(p_answer text, p_case_sensitive boolean) OWNER TO ilp_owner;

--
-- Name: FUNCTION normalize_blank_answer(p_answer text, p_case_sensitive boolean); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.normalize_blank_answer(p_answer text, p_case_sensitive boolean) IS 'Returns the answer with leading and trailing white space removed and inner white space collapsed to one space, lowercased (by the database collation) unless p_case_sensitive. Example: (''  New   York '', false) gives ''new york''.';

--
-- Name: raise_progress_event_type_error(jsonb, text); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.raise_progress_event_type_error(p_events jsonb, p_cast_error text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_index bigint;
    v_event jsonb;
    v_field text;
    v_expected text;
begin
    for v_index, v_event in
        select e.ordinality - 1, e.value
        from jsonb_array_elements(p_events) with ordinality as e (value, ordinality)
    loop
        foreach v_field in array array[
            'event_id', 'session_id', 'verb', 'occurred_at', 'position_ms', 'seek_from_ms',
            'watched_from_ms'
        ] loop
            continue when v_event ->> v_field is null;

            begin
                case v_field
                    when 'event_id', 'session_id' then
                        v_expected := 'a UUID';
                        perform (v_event ->> v_field)::uuid;
                    when 'verb' then
                        v_expected := 'one of '
                            || array_to_string(enum_range(null::learning.progress_verb), ', ');
                        perform (v_event ->> v_field)::learning.progress_verb;
                    when 'occurred_at' then
                        v_expected := 'an ISO 8601 timestamp such as 2026-12-04T10:15:30.250Z';
                        perform (v_event ->> v_field)::timestamptz;
                    else
                        v_expected := 'a whole number of milliseconds';
                        perform (v_event ->> v_field)::integer;
                end case;
            exception
                when data_exception then
                    raise exception 'events[%].% has the invalid value %, expected %',
                        v_index, v_field, v_event -> v_field, v_expected
                        using errcode = 'IL310';
            end;
        end loop;
    end loop;

    -- Not reached unless the cast failed for a reason the loop does not check.
    raise exception 'invalid progress events: %', p_cast_error
        using errcode = 'IL310';
end
$$;

ALTER FUNCTION learning.raise_progress_event_type_error(p_events jsonb, p_cast_error text) OWNER TO ilp_owner;

--
-- Name: FUNCTION raise_progress_event_type_error(p_events jsonb, p_cast_error text); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.raise_progress_event_type_error(p_events jsonb, p_cast_error text) IS 'Raises IL310 naming the first events[i].field of a batch whose value cannot be cast to the field''s type, or, when every field casts, IL310 with p_cast_error. Never returns.';

--
-- Name: raise_response_error(text, text); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.raise_response_error(p_field text, p_requirement text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    raise exception 'invalid response: % %', p_field, p_requirement
        using
            errcode = 'IL323',
            hint = 'The response shape of each question type is listed in docs/learning.md.';
end
$$;

ALTER FUNCTION learning.raise_response_error(p_field text, p_requirement text) OWNER TO ilp_owner;

--
-- Name: FUNCTION raise_response_error(p_field text, p_requirement text); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.raise_response_error(p_field text, p_requirement text) IS 'Raises IL323 with the message "invalid response: <field> <requirement>". Never returns.';

--
-- Name: record_progress_event(uuid, uuid, learning.progress_verb, timestamp with time zone, integer, integer, integer); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer DEFAULT NULL::integer, p_watched_from_ms integer DEFAULT NULL::integer) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    -- How far a reported position may lie beyond the video's duration: players report the end
    -- of the last frame or round up.
    c_position_tolerance_ms constant integer := 1000;
    -- How far ahead of the server's clock an event may be dated, because a later one would keep
    -- the resume point until the server's clock caught up with it.
    c_clock_skew constant interval := interval '5 minutes';
    -- last_seen_at is written at most this often, so that most events write no session row.
    c_last_seen_resolution constant interval := interval '1 minute';
    v_tenant_id uuid;
    v_user_id uuid;
    v_session record;
    v_duration_ms integer;
    v_is_visible boolean;
    v_completion_threshold numeric;
    v_field text;
    v_value integer;
    v_stored_count integer;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    v_field := case
        when p_session_id is null then 'session_id'
        when p_event_id is null then 'event_id'
        when p_verb is null then 'verb'
        when p_occurred_at is null then 'occurred_at'
        when p_position_ms is null then 'position_ms'
    end;

    if v_field is not null then
        raise exception 'invalid progress event: % is missing', v_field
            using errcode = 'IL310';
    end if;

    -- Each lookup below is a probe of one primary key. They are separate statements, because
    -- one query joining them all got a worse generic plan and cost more to start.
    select s.video_id, s.lesson_id, s.device_id, s.last_seen_at
    into v_session
    from learning.playback_sessions as s
    where
        s.tenant_id = v_tenant_id
        and s.id = p_session_id
        and s.user_id = v_user_id;

    if not found then
        raise exception 'playback session % of student % not found', p_session_id, v_user_id
            using
                errcode = 'IL302',
                hint = 'Start a session with learning.start_playback_session() and send its id.';
    end if;

    -- The rule of learning.can_student_see_lesson(), written out to save a function call.
    select
        v.duration_ms,
        l.status = 'published' and exists (
            select
            from content.lesson_assignments as a
            inner join tenancy.enrollments as e
                on a.tenant_id = e.tenant_id and a.class_id = e.class_id
            where
                a.tenant_id = l.tenant_id
                and a.lesson_id = l.id
                and e.user_id = v_user_id
                and (e.ended_at is null or e.ended_at > now())
        )
    into v_duration_ms, v_is_visible
    from content.videos as v
    inner join content.lessons as l on v.tenant_id = l.tenant_id and v.lesson_id = l.id
    where
        v.tenant_id = v_tenant_id
        and v.id = v_session.video_id;

    if not v_is_visible then
        perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_session.lesson_id);
    end if;

    if v_duration_ms is null then
        raise exception 'video % has no known duration yet, so positions cannot be checked',
            v_session.video_id
            using errcode = 'IL306';
    end if;

    if p_occurred_at > now() + c_clock_skew then
        raise exception 'invalid progress event %: occurred_at % is more than % ahead of the '
            'server''s clock (%)',
            p_event_id, p_occurred_at, c_clock_skew, now()
            using errcode = 'IL313';
    end if;

    foreach v_field in array array['position_ms', 'seek_from_ms', 'watched_from_ms'] loop
        v_value := case v_field
            when 'position_ms' then p_position_ms
            when 'seek_from_ms' then p_seek_from_ms
            else p_watched_from_ms
        end;

        if v_value < 0 or v_value > v_duration_ms + c_position_tolerance_ms then
            raise exception 'invalid progress event %: % % ms is outside the video, whose '
                'duration is % ms (up to % ms beyond it are accepted)',
                p_event_id, v_field, v_value, v_duration_ms, c_position_tolerance_ms
                using errcode = 'IL311';
        end if;
    end loop;

    if (p_verb = 'seeked') <> (p_seek_from_ms is not null) then
        raise exception 'invalid progress event %: seek_from_ms is required for seeked events '
            'and not allowed for other verbs, got % with seek_from_ms %',
            p_event_id, p_verb, coalesce(p_seek_from_ms::text, 'null')
            using errcode = 'IL312';
    end if;

    if p_verb = 'played' and p_watched_from_ms is not null then
        raise exception 'invalid progress event %: watched_from_ms is not allowed for played '
            'events, which start playback',
            p_event_id
            using errcode = 'IL312';
    end if;

    if p_watched_from_ms > coalesce(p_seek_from_ms, p_position_ms) then
        raise exception 'invalid progress event %: watched_from_ms % is after the end of the '
            'watched stretch, %',
            p_event_id, p_watched_from_ms, coalesce(p_seek_from_ms, p_position_ms)
            using errcode = 'IL312';
    end if;

    -- A row that fits no partition would fail with a check violation of PostgreSQL that names
    -- no constraint, so the month's partition is looked up by its name first.
    if
        to_regclass(
            'learning.progress_events_'
            || to_char(p_occurred_at at time zone 'UTC', 'YYYY_MM')
        ) is null
    then
        raise exception 'no partition of learning.progress_events exists for occurred_at %',
            p_occurred_at
            using
                errcode = 'IL314',
                hint = 'Run ops.run_maintenance() (ilp-db maintain), which creates the '
                'partitions from the previous month to 3 months ahead; older events cannot be '
                'stored.';
    end if;

    insert into learning.progress_events (
        tenant_id,
        occurred_at,
        event_id,
        user_id,
        video_id,
        session_id,
        verb,
        position_ms,
        seek_from_ms,
        watched_from_ms
    )
    values (
        v_tenant_id,
        p_occurred_at,
        p_event_id,
        v_user_id,
        v_session.video_id,
        p_session_id,
        p_verb,
        p_position_ms,
        p_seek_from_ms,
        p_watched_from_ms
    )
    on conflict on constraint pk_progress_events do nothing;

    get diagnostics v_stored_count = row_count;

    if v_session.last_seen_at < now() - c_last_seen_resolution then
        update learning.playback_sessions as s
        set last_seen_at = now()
        where
            s.tenant_id = v_tenant_id
            and s.id = p_session_id;
    end if;

    -- A retried event was folded in when it was first stored.
    if v_stored_count = 0 then
        return false;
    end if;

    -- The video's override, else the lesson's threshold, else the column default of
    -- learning.lesson_settings (0.9).
    v_completion_threshold := coalesce(
        (
            select vs.completion_threshold
            from learning.video_settings as vs
            where
                vs.tenant_id = v_tenant_id
                and vs.video_id = v_session.video_id
        ),
        (
            select ls.completion_threshold
            from learning.lesson_settings as ls
            where
                ls.tenant_id = v_tenant_id
                and ls.lesson_id = v_session.lesson_id
        ),
        0.9
    );

    perform learning.merge_video_progress(
        v_tenant_id,
        v_user_id,
        v_session.video_id,
        v_session.lesson_id,
        v_duration_ms,
        v_completion_threshold,
        case
            when p_watched_from_ms is not null
                then int4multirange(
                    int4range(p_watched_from_ms, coalesce(p_seek_from_ms, p_position_ms))
                )
        end,
        greatest(p_position_ms, p_seek_from_ms),
        p_occurred_at,
        p_event_id,
        p_position_ms,
        p_session_id,
        v_session.device_id,
        p_occurred_at
    );

    return true;
end
$$;

ALTER FUNCTION learning.record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer, p_watched_from_ms integer) OWNER TO ilp_owner;

--
-- Name: FUNCTION record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer, p_watched_from_ms integer); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer, p_watched_from_ms integer) IS 'Stores one progress event of a playback session of the request''s student and updates their learning.video_progress row. Returns true when stored, false when an event with the same event_id and occurred_at was already stored (a retry, which changes nothing). Raises IL300 or IL301 (no student context), IL302 (session not found), IL304 or IL305 (video no longer visible), IL306 (no duration), IL310 (field missing), IL311 (position below 0 or more than 1000 ms beyond the duration), IL312 (fields that do not fit the verb), IL313 (occurred_at more than 5 minutes ahead of the server''s clock) and IL314 (no partition for occurred_at).';

--
-- Name: record_progress_events(jsonb); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.record_progress_events(p_events jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET "TimeZone" TO 'UTC'
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
    c_max_batch_size constant integer := 1000;
    -- The same limits as in learning.record_progress_event().
    c_position_tolerance_ms constant integer := 1000;
    c_clock_skew constant interval := interval '5 minutes';
    c_last_seen_resolution constant interval := interval '1 minute';
    v_tenant_id uuid;
    v_user_id uuid;
    v_event_count integer;
    v_events learning.progress_events[];
    v_requested_session_ids uuid[];
    v_months timestamptz[];
    v_month timestamptz;
    v_sessions record;
    v_problem record;
    v_cast_error text;
    v_index integer;
    v_per_video record;
    v_stored_count integer := 0;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    if jsonb_typeof(p_events) is distinct from 'array' then
        raise exception 'events must be a JSON array of event objects, got %',
            coalesce(jsonb_typeof(p_events), 'null')
            using errcode = 'IL310';
    end if;

    v_event_count := jsonb_array_length(p_events);

    if v_event_count = 0 then
        return 0;
    end if;

    if v_event_count > c_max_batch_size then
        raise exception 'a batch contains at most % events, got %', c_max_batch_size, v_event_count
            using
                errcode = 'IL315',
                hint = 'Split the events into several batches.';
    end if;

    if jsonb_path_exists(p_events, '$[*] ? (@.type() != "object")') then
        raise exception 'every element of events must be a JSON object'
            using errcode = 'IL310';
    end if;

    begin
        select
            array_agg(
                row(
                    v_tenant_id,
                    (e.value ->> 'occurred_at')::timestamptz,
                    (e.value ->> 'event_id')::uuid,
                    v_user_id,
                    null,
                    (e.value ->> 'session_id')::uuid,
                    (e.value ->> 'verb')::learning.progress_verb,
                    (e.value ->> 'position_ms')::integer,
                    (e.value ->> 'seek_from_ms')::integer,
                    (e.value ->> 'watched_from_ms')::integer,
                    null
                )::learning.progress_events
                order by e.ordinality
            ),
            array_agg(distinct (e.value ->> 'session_id')::uuid),
            array_agg(distinct date_trunc('month', (e.value ->> 'occurred_at')::timestamptz))
        into v_events, v_requested_session_ids, v_months
        from jsonb_array_elements(p_events) with ordinality as e (value, ordinality);
    exception
        when data_exception then
            get stacked diagnostics v_cast_error = message_text;
            perform learning.raise_progress_event_type_error(p_events, v_cast_error);
    end;

    -- The sessions of the batch with their video, lesson, visibility and completion threshold,
    -- as parallel arrays (usually of one element).
    select
        array_agg(s.id) as session_ids,
        array_agg(s.video_id) as video_ids,
        array_agg(s.lesson_id) as lesson_ids,
        array_agg(s.device_id) as device_ids,
        array_agg(s.last_seen_at) as last_seen_times,
        array_agg(v.duration_ms) as durations,
        -- 0.9 is the default of learning.lesson_settings.completion_threshold.
        array_agg(coalesce(vs.completion_threshold, ls.completion_threshold, 0.9))
            as completion_thresholds,
        array_agg(
            l.status = 'published' and exists (
                select
                from content.lesson_assignments as a
                inner join tenancy.enrollments as e
                    on a.tenant_id = e.tenant_id and a.class_id = e.class_id
                where
                    a.tenant_id = l.tenant_id
                    and a.lesson_id = l.id
                    and e.user_id = v_user_id
                    and (e.ended_at is null or e.ended_at > now())
            )
        ) as visible
    into v_sessions
    from learning.playback_sessions as s
    inner join content.videos as v on s.tenant_id = v.tenant_id and s.video_id = v.id
    inner join content.lessons as l on s.tenant_id = l.tenant_id and s.lesson_id = l.id
    left join learning.lesson_settings as ls
        on s.tenant_id = ls.tenant_id and s.lesson_id = ls.lesson_id
    left join learning.video_settings as vs
        on s.tenant_id = vs.tenant_id and s.video_id = vs.video_id
    where
        s.tenant_id = v_tenant_id
        and s.id = any(v_requested_session_ids)
        and s.user_id = v_user_id;

    -- The first invalid event in batch order decides the error.
    select
        e.ordinality - 1 as event_index,
        e.event_id,
        case
            when e.event_id is null then array['IL310', 'event_id is missing']
            when e.session_id is null then array['IL310', 'session_id is missing']
            when e.verb is null then array['IL310', 'verb is missing']
            when e.occurred_at is null then array['IL310', 'occurred_at is missing']
            when e.position_ms is null then array['IL310', 'position_ms is missing']
            when s.session_id is null then array[
                'IL302',
                format('playback session %s of student %s not found', e.session_id, v_user_id)
            ]
            when e.occurred_at > now() + c_clock_skew then array[
                'IL313',
                format(
                    'occurred_at %s is more than %s ahead of the server''s clock (%s)',
                    e.occurred_at, c_clock_skew, now()
                )
            ]
            when e.position_ms < 0 or e.position_ms > s.duration_ms + c_position_tolerance_ms
                then array[
                    'IL311',
                    format(
                        'position_ms %s ms is outside the video, whose duration is %s ms (up to '
                        '%s ms beyond it are accepted)',
                        e.position_ms, s.duration_ms, c_position_tolerance_ms
                    )
                ]
            when
                e.seek_from_ms < 0 or e.seek_from_ms > s.duration_ms + c_position_tolerance_ms
                then array[
                    'IL311',
                    format(
                        'seek_from_ms %s ms is outside the video, whose duration is %s ms (up to '
                        '%s ms beyond it are accepted)',
                        e.seek_from_ms, s.duration_ms, c_position_tolerance_ms
                    )
                ]
            when
                e.watched_from_ms < 0
                or e.watched_from_ms > s.duration_ms + c_position_tolerance_ms
                then array[
                    'IL311',
                    format(
                        'watched_from_ms %s ms is outside the video, whose duration is %s ms (up '
                        'to %s ms beyond it are accepted)',
                        e.watched_from_ms, s.duration_ms, c_position_tolerance_ms
                    )
                ]
            when (e.verb = 'seeked') <> (e.seek_from_ms is not null) then array[
                'IL312',
                format(
                    'seek_from_ms is required for seeked events and not allowed for other '
                    'verbs, got %s with seek_from_ms %s',
                    e.verb, coalesce(e.seek_from_ms::text, 'null')
                )
            ]
            when e.verb = 'played' and e.watched_from_ms is not null then array[
                'IL312',
                'watched_from_ms is not allowed for played events, which start playback'
            ]
            when e.watched_from_ms > coalesce(e.seek_from_ms, e.position_ms) then array[
                'IL312',
                format(
                    'watched_from_ms %s is after the end of the watched stretch, %s',
                    e.watched_from_ms, coalesce(e.seek_from_ms, e.position_ms)
                )
            ]
        end as problem
    into v_problem
    from unnest(v_events) with ordinality as e
    left join unnest(v_sessions.session_ids, v_sessions.durations) as s (session_id, duration_ms)
        on e.session_id = s.session_id
    where
        e.event_id is null
        or e.session_id is null
        or e.verb is null
        or e.occurred_at is null
        or e.position_ms is null
        or s.session_id is null
        or e.occurred_at > now() + c_clock_skew
        or e.position_ms < 0
        or e.position_ms > s.duration_ms + c_position_tolerance_ms
        or e.seek_from_ms < 0
        or e.seek_from_ms > s.duration_ms + c_position_tolerance_ms
        or e.watched_from_ms < 0
        or e.watched_from_ms > s.duration_ms + c_position_tolerance_ms
        or (e.verb = 'seeked') <> (e.seek_from_ms is not null)
        or (e.verb = 'played' and e.watched_from_ms is not null)
        or e.watched_from_ms > coalesce(e.seek_from_ms, e.position_ms)
    order by e.ordinality
    limit 1;

    if found then
        raise exception 'events[%] (event_id %): %',
            v_problem.event_index, coalesce(v_problem.event_id::text, 'null'),
            v_problem.problem[2]
            using
                errcode = v_problem.problem[1],
                hint = case
                    when v_problem.problem[1] = 'IL302'
                        then 'Start a session with learning.start_playback_session() and send '
                        'its id.'
                    else 'The whole batch was rejected; send it again without this event.'
                end;
    end if;

    for v_index in 1 .. cardinality(v_sessions.session_ids) loop
        if not v_sessions.visible[v_index] then
            perform learning.require_lesson_visible(
                v_tenant_id, v_user_id, v_sessions.lesson_ids[v_index]
            );
        end if;

        if v_sessions.durations[v_index] is null then
            raise exception 'video % has no known duration yet, so positions cannot be checked',
                v_sessions.video_ids[v_index]
                using errcode = 'IL306';
        end if;
    end loop;

    -- A row that fits no partition would fail with a check violation of PostgreSQL that names
    -- no constraint, so each month's partition is looked up by its name first.
    foreach v_month in array v_months loop
        if to_regclass('learning.progress_events_' || to_char(v_month, 'YYYY_MM')) is null then
            raise exception 'no partition of learning.progress_events exists for the month '
                'starting %',
                v_month
                using
                    errcode = 'IL314',
                    hint = 'Run ops.run_maintenance() (ilp-db maintain), which creates the '
                    'partitions from the previous month to 3 months ahead; older events cannot '
                    'be stored.';
        end if;
    end loop;

    -- Most calls find last_seen_at recent enough and write no session row.
    if
        exists (
            select
            from unnest(v_sessions.last_seen_times) as t (last_seen_at)
            where t.last_seen_at < now() - c_last_seen_resolution
        )
    then
        update learning.playback_sessions as s
        set last_seen_at = now()
        where
            s.tenant_id = v_tenant_id
            and s.id = any(v_sessions.session_ids)
            and s.last_seen_at < now() - c_last_seen_resolution;
    end if;

    for v_per_video in
        with inserted as (
            insert into learning.progress_events (
                tenant_id,
                occurred_at,
                event_id,
                user_id,
                video_id,
                session_id,
                verb,
                position_ms,
                seek_from_ms,
                watched_from_ms
            )
            -- An event repeated inside the batch conflicts with its first copy, which is
            -- inserted before it, so it is stored once, as that first copy.
            select
                v_tenant_id,
                e.occurred_at,
                e.event_id,
                v_user_id,
                s.video_id,
                e.session_id,
                e.verb,
                e.position_ms,
                e.seek_from_ms,
                e.watched_from_ms
            from unnest(v_events) with ordinality as e
            inner join unnest(v_sessions.session_ids, v_sessions.video_ids)
                as s (session_id, video_id)
                on e.session_id = s.session_id
            order by e.ordinality
            on conflict on constraint pk_progress_events do nothing
            returning
                video_id,
                session_id,
                occurred_at,
                event_id,
                position_ms,
                seek_from_ms,
                watched_from_ms
        ),

        latest as (
            select distinct on (i.video_id)
                i.video_id,
                i.occurred_at,
                i.event_id,
                i.position_ms,
                i.session_id
            from inserted as i
            order by i.video_id, i.occurred_at desc, i.event_id desc
        ),

        per_video as (
            select
                i.video_id,
                range_agg(
                    int4range(i.watched_from_ms, coalesce(i.seek_from_ms, i.position_ms))
                ) filter (where i.watched_from_ms is not null) as segments,
                max(greatest(i.position_ms, i.seek_from_ms)) as furthest_position_ms,
                min(i.occurred_at) as earliest_at,
                count(*) as stored_count
            from inserted as i
            group by i.video_id
        )

        select
            pv.video_id,
            pv.segments,
            pv.furthest_position_ms,
            pv.earliest_at,
            pv.stored_count,
            l.occurred_at as latest_at,
            l.event_id as latest_event_id,
            l.position_ms as latest_position_ms,
            l.session_id as latest_session_id,
            s.lesson_id,
            s.device_id,
            s.duration_ms,
            s.completion_threshold
        from per_video as pv
        inner join latest as l on pv.video_id = l.video_id
        inner join unnest(
            v_sessions.session_ids,
            v_sessions.lesson_ids,
            v_sessions.device_ids,
            v_sessions.durations,
            v_sessions.completion_thresholds
        ) as s (session_id, lesson_id, device_id, duration_ms, completion_threshold)
            on l.session_id = s.session_id
    loop
        perform learning.merge_video_progress(
            v_tenant_id,
            v_user_id,
            v_per_video.video_id,
            v_per_video.lesson_id,
            v_per_video.duration_ms,
            v_per_video.completion_threshold,
            v_per_video.segments,
            v_per_video.furthest_position_ms,
            v_per_video.latest_at,
            v_per_video.latest_event_id,
            v_per_video.latest_position_ms,
            v_per_video.latest_session_id,
            v_per_video.device_id,
            v_per_video.earliest_at
        );

        v_stored_count := v_stored_count + v_per_video.stored_count;
    end loop;

    return v_stored_count;
end
$_$;

ALTER FUNCTION learning.record_progress_events(p_events jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION record_progress_events(p_events jsonb); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.record_progress_events(p_events jsonb) IS 'Stores a batch of progress events of the request''s student, given as a JSON array of objects with the keys event_id, session_id, verb, occurred_at (ISO 8601; UTC when it has no offset), position_ms, seek_from_ms and watched_from_ms (see learning.progress_events), and updates one learning.video_progress row per video. Returns the number of events newly stored: an event already stored, or repeated in the batch, is stored once. Any invalid event rejects the whole batch and the error names it as events[i] (from 0): IL310 (not an array of objects, field missing or of the wrong type), IL315 (more than 1000 events), and otherwise the errors of learning.record_progress_event().';

--
-- Name: question_results; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.question_results (
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    question_id uuid NOT NULL,
    question_version integer NOT NULL,
    lesson_id uuid NOT NULL,
    attempt_count smallint DEFAULT 0 NOT NULL,
    graded_count smallint DEFAULT 0 NOT NULL,
    pending_count smallint DEFAULT 0 NOT NULL,
    grade_policy learning.grade_policy NOT NULL,
    current_score numeric(6,2),
    max_score numeric(6,2) NOT NULL,
    last_submitted_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_question_results_counts CHECK (((graded_count >= 0) AND (pending_count >= 0) AND ((graded_count + pending_count) = attempt_count))),
    CONSTRAINT check_question_results_current_score CHECK (((current_score >= (0)::numeric) AND (current_score <= max_score))),
    CONSTRAINT check_question_results_score_needs_graded_attempt CHECK (((current_score IS NULL) = (graded_count = 0)))
);

ALTER TABLE ONLY learning.question_results FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.question_results OWNER TO ilp_owner;

--
-- Name: TABLE question_results; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.question_results IS 'A student''s standing on one question version: attempt counts and the current score under the lesson''s grade policy. learning.submit_answer() locks this row to number attempts, so the attempt limit holds under concurrent submissions.';

--
-- Name: COLUMN question_results.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.tenant_id IS 'The tenant of the student and the question.';

--
-- Name: COLUMN question_results.user_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.user_id IS 'The student.';

--
-- Name: COLUMN question_results.question_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.question_id IS 'The question.';

--
-- Name: COLUMN question_results.question_version; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.question_version IS 'The question version.';

--
-- Name: COLUMN question_results.lesson_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.lesson_id IS 'The lesson of the question, copied from content.questions (whose lesson_id cannot change) so that a change of the lesson''s grade policy finds the rows to recompute.';

--
-- Name: COLUMN question_results.attempt_count; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.attempt_count IS 'Number of attempts made, which is also the number of the latest attempt.';

--
-- Name: COLUMN question_results.graded_count; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.graded_count IS 'Number of attempts with a score.';

--
-- Name: COLUMN question_results.pending_count; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.pending_count IS 'Number of attempts waiting for a teacher.';

--
-- Name: COLUMN question_results.grade_policy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.grade_policy IS 'The lesson''s grade policy used for current_score.';

--
-- Name: COLUMN question_results.current_score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.current_score IS 'The student''s score on the question under grade_policy, over the graded attempts only; null while no attempt is graded.';

--
-- Name: COLUMN question_results.max_score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.max_score IS 'The version''s points (0 for polls).';

--
-- Name: COLUMN question_results.last_submitted_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.last_submitted_at IS 'When the latest attempt was submitted.';

--
-- Name: COLUMN question_results.created_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN question_results.updated_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.question_results.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: refresh_question_result(uuid, uuid, uuid, integer, learning.grade_policy); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.refresh_question_result(p_tenant_id uuid, p_user_id uuid, p_question_id uuid, p_question_version integer, p_grade_policy learning.grade_policy) RETURNS learning.question_results
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_result learning.question_results;
begin
    -- The row is locked before the attempts are read: every writer of attempts of this student
    -- and version holds this lock, so the counts below see all of them. Under read committed
    -- the update then reads with a snapshot taken after the lock was granted, and it waits for
    -- no other lock, so its subquery is not evaluated on a stale row.
    perform
    from learning.question_results as r
    where
        r.tenant_id = p_tenant_id
        and r.user_id = p_user_id
        and r.question_id = p_question_id
        and r.question_version = p_question_version
    for update;

    update learning.question_results as r
    set
        (
            attempt_count, graded_count, pending_count, current_score, last_submitted_at
        ) = (
            select
                count(*),
                count(*) filter (where a.status = 'graded'),
                count(*) filter (where a.status = 'needs_grading'),
                learning.score_by_policy(
                    p_grade_policy, array_agg(a.score order by a.attempt_number)
                ),
                max(a.submitted_at)
            from learning.question_attempts as a
            where
                a.tenant_id = p_tenant_id
                and a.user_id = p_user_id
                and a.question_id = p_question_id
                and a.question_version = p_question_version
        ),
        grade_policy = p_grade_policy
    where
        r.tenant_id = p_tenant_id
        and r.user_id = p_user_id
        and r.question_id = p_question_id
        and r.question_version = p_question_version
    returning r.* into v_result;

    return v_result;
end
$$;

ALTER FUNCTION learning.refresh_question_result(p_tenant_id uuid, p_user_id uuid, p_question_id uuid, p_question_version integer, p_grade_policy learning.grade_policy) OWNER TO ilp_owner;

--
-- Name: FUNCTION refresh_question_result(p_tenant_id uuid, p_user_id uuid, p_question_id uuid, p_question_version integer, p_grade_policy learning.grade_policy); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.refresh_question_result(p_tenant_id uuid, p_user_id uuid, p_question_id uuid, p_question_version integer, p_grade_policy learning.grade_policy) IS 'Locks a student''s learning.question_results row for a question version, recomputes its attempt counts and its current score under p_grade_policy from learning.question_attempts, and returns it (null when the row does not exist).';

--
-- Name: require_lesson_visible(uuid, uuid, uuid); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.require_lesson_visible(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_status content.lesson_status;
begin
    if learning.can_student_see_lesson(p_tenant_id, p_user_id, p_lesson_id) then
        return;
    end if;

    select l.status
    into v_status
    from content.lessons as l
    where
        l.tenant_id = p_tenant_id
        and l.id = p_lesson_id;

    if v_status is distinct from 'published' then
        raise exception 'lesson % is %, not published',
            p_lesson_id, coalesce(v_status::text, 'missing')
            using
                errcode = 'IL304',
                hint = 'Students see a lesson only while it is published.';
    end if;

    raise exception 'student % attends no class that lesson % is assigned to',
        p_user_id, p_lesson_id
        using
            errcode = 'IL305',
            hint = 'Enroll the student in a class the lesson is assigned to, or assign the lesson '
            'to one of the student''s classes.';
end
$$;

ALTER FUNCTION learning.require_lesson_visible(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION require_lesson_visible(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.require_lesson_visible(p_tenant_id uuid, p_user_id uuid, p_lesson_id uuid) IS 'Returns when learning.can_student_see_lesson() is true; otherwise raises IL304 when the lesson is not published and IL305 when the student has no current enrollment in a class the lesson is assigned to.';

--
-- Name: resume_position(uuid); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.resume_position(p_video_id uuid) RETURNS TABLE(position_ms integer, furthest_position_ms integer, watched_fraction numeric, completed_at timestamp with time zone, last_device_id text, next_milestone_id uuid, next_milestone_position_ms integer, next_milestone_kind content.milestone_kind)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_tenant_id uuid;
    v_user_id uuid;
    v_lesson_id uuid;
    v_is_visible boolean;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    select
        v.lesson_id,
        l.status = 'published' and exists (
            select
            from content.lesson_assignments as a
            inner join tenancy.enrollments as e
                on a.tenant_id = e.tenant_id and a.class_id = e.class_id
            where
                a.tenant_id = l.tenant_id
                and a.lesson_id = l.id
                and e.user_id = v_user_id
                and (e.ended_at is null or e.ended_at > now())
        )
    into v_lesson_id, v_is_visible
    from content.videos as v
    inner join content.lessons as l on v.tenant_id = l.tenant_id and v.lesson_id = l.id
    where
        v.tenant_id = v_tenant_id
        and v.id = p_video_id;

    if not found then
        raise exception 'video % not found in tenant %', p_video_id, v_tenant_id
            using errcode = 'IL303';
    end if;

    if not v_is_visible then
        perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_lesson_id);
    end if;

    -- A video never watched has no progress row: it resumes at 0.
    select
        coalesce(p.last_position_ms, 0),
        coalesce(p.furthest_position_ms, 0),
        coalesce(p.watched_fraction, 0),
        p.completed_at,
        p.last_device_id,
        m.id,
        m.position_ms,
        m.kind
    into
        position_ms,
        furthest_position_ms,
        watched_fraction,
        completed_at,
        last_device_id,
        next_milestone_id,
        next_milestone_position_ms,
        next_milestone_kind
    from (select) as single_row
    left join learning.video_progress as p
        on
            p.tenant_id = v_tenant_id
            and p.user_id = v_user_id
            and p.video_id = p_video_id
    -- The unique key (tenant_id, video_id, position_ms, sort_order) of milestones serves this
    -- as one index probe.
    left join lateral (
        select
            ms.id,
            ms.position_ms,
            ms.kind
        from content.milestones as ms
        where
            ms.tenant_id = v_tenant_id
            and ms.video_id = p_video_id
            and ms.position_ms >= coalesce(p.last_position_ms, 0)
        order by ms.position_ms, ms.sort_order
        limit 1
    ) as m on true;

    return next;
end
$$;

ALTER FUNCTION learning.resume_position(p_video_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION resume_position(p_video_id uuid); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.resume_position(p_video_id uuid) IS 'Returns one row for the request''s student and a video: the resume point, furthest position, watched fraction, completion time and device of their latest event (0, 0, 0, null, null before any event), and the first milestone at or after the resume point (nulls when there is none). Raises IL300 or IL301 (no student context), IL303 (video not in the tenant), IL304 or IL305 (video not visible to the student). Example: select * from learning.resume_position(''<video id>'');';

--
-- Name: score_by_policy(learning.grade_policy, numeric[]); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.score_by_policy(p_policy learning.grade_policy, p_scores numeric[]) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_score numeric;
    v_result numeric;
    v_sum numeric := 0;
    v_count integer := 0;
begin
    -- A loop rather than a query over unnest(), which would cost an executor start per call.
    foreach v_score in array coalesce(p_scores, '{}') loop
        continue when v_score is null;

        v_count := v_count + 1;
        v_sum := v_sum + v_score;
        v_result := case p_policy
            when 'highest' then greatest(v_result, v_score)
            when 'latest' then v_score
            when 'first' then coalesce(v_result, v_score)
            else null
        end;
    end loop;

    if v_count = 0 then
        return null;
    end if;

    if p_policy = 'average' then
        return round(v_sum / v_count, 2);
    end if;

    return v_result;
end
$$;

ALTER FUNCTION learning.score_by_policy(p_policy learning.grade_policy, p_scores numeric[]) OWNER TO ilp_owner;

--
-- Name: FUNCTION score_by_policy(p_policy learning.grade_policy, p_scores numeric[]); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.score_by_policy(p_policy learning.grade_policy, p_scores numeric[]) IS 'Returns the current score from the scores of the attempts in attempt order, null standing for an attempt waiting for a teacher, which is skipped: the maximum (highest), the last (latest), the first (first) or the mean rounded to 2 decimal places (average); null when no attempt is graded.';

--
-- Name: start_playback_session(uuid, text, learning.playback_platform, text, numeric, text, text, numeric, boolean, uuid); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text DEFAULT NULL::text, p_playback_speed numeric DEFAULT 1, p_captions_language text DEFAULT NULL::text, p_quality text DEFAULT NULL::text, p_volume numeric DEFAULT 1, p_full_screen boolean DEFAULT false, p_session_id uuid DEFAULT NULL::uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_tenant_id uuid;
    v_user_id uuid;
    v_lesson_id uuid;
    v_duration_ms integer;
    v_session_id uuid := coalesce(p_session_id, app.uuid_v7());
    v_existing learning.playback_sessions;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    select v.lesson_id, v.duration_ms
    into v_lesson_id, v_duration_ms
    from content.videos as v
    where
        v.tenant_id = v_tenant_id
        and v.id = p_video_id;

    if not found then
        raise exception 'video % not found in tenant %', p_video_id, v_tenant_id
            using errcode = 'IL303';
    end if;

    perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_lesson_id);

    if v_duration_ms is null then
        raise exception 'video % has no known duration yet, so it cannot be played', p_video_id
            using
                errcode = 'IL306',
                hint = 'Wait until the video is processed (processing_status ready).';
    end if;

    -- A client that retries the start with the same session id gets the same session back.
    insert into learning.playback_sessions (
        tenant_id,
        id,
        user_id,
        video_id,
        lesson_id,
        device_id,
        platform,
        user_agent,
        playback_speed,
        captions_language,
        quality,
        volume,
        full_screen
    )
    values (
        v_tenant_id,
        v_session_id,
        v_user_id,
        p_video_id,
        v_lesson_id,
        p_device_id,
        p_platform,
        p_user_agent,
        p_playback_speed,
        p_captions_language,
        p_quality,
        p_volume,
        p_full_screen
    )
    on conflict on constraint pk_playback_sessions do nothing;

    if not found then
        select s.*
        into v_existing
        from learning.playback_sessions as s
        where
            s.tenant_id = v_tenant_id
            and s.id = v_session_id;

        if v_existing.user_id <> v_user_id or v_existing.video_id <> p_video_id then
            raise exception 'session id % is already used by another playback session',
                v_session_id
                using
                    errcode = 'IL307',
                    hint = 'Generate a new session id for each playback session.';
        end if;
    end if;

    return v_session_id;
end
$$;

ALTER FUNCTION learning.start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text, p_playback_speed numeric, p_captions_language text, p_quality text, p_volume numeric, p_full_screen boolean, p_session_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text, p_playback_speed numeric, p_captions_language text, p_quality text, p_volume numeric, p_full_screen boolean, p_session_id uuid); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text, p_playback_speed numeric, p_captions_language text, p_quality text, p_volume numeric, p_full_screen boolean, p_session_id uuid) IS 'Records the start of a playback session of a video by the request''s student and returns its id (p_session_id when given, so a retried start returns the same session). Raises IL300 or IL301 (no student context), IL303 (video not in the tenant), IL304 (lesson not published), IL305 (student not enrolled in a class of the lesson), IL306 (video without duration), IL307 (session id used by another session), and 23514 for invalid settings (see the check constraints of learning.playback_sessions).';

--
-- Name: submit_answer(uuid, integer, jsonb, uuid); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid DEFAULT NULL::uuid) RETURNS TABLE(attempt_id uuid, attempt_number smallint, status learning.attempt_status, outcome learning.answer_outcome, score numeric, max_score numeric, feedback text, attempts_remaining integer)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_tenant_id uuid;
    v_user_id uuid;
    v_question record;
    v_attempt_count integer;
    v_attempt learning.question_attempts;
    v_credit numeric;
    v_raw_score numeric;
begin
    select s.tenant_id, s.user_id
    into v_tenant_id, v_user_id
    from learning.current_student() as s;

    -- One statement reads the version, its question and milestone, the answer key, whether the
    -- student may see the lesson, how far they watched the milestone's video, and the lesson's
    -- grading rules.
    select
        qv.question_type,
        qv.prompt,
        qv.points,
        qv.retry_penalty_points,
        qv.max_attempts,
        qv.feedback,
        qv.status,
        q.lesson_id,
        ms.video_id,
        ms.position_ms,
        k.answer_key,
        l.status = 'published' and exists (
            select
            from content.lesson_assignments as a
            inner join tenancy.enrollments as e
                on a.tenant_id = e.tenant_id and a.class_id = e.class_id
            where
                a.tenant_id = l.tenant_id
                and a.lesson_id = l.id
                and e.user_id = v_user_id
                and (e.ended_at is null or e.ended_at > now())
        ) as is_visible,
        p.watched_segments,
        -- The defaults of the columns of learning.lesson_settings.
        coalesce(ls.grade_policy, 'highest') as grade_policy,
        coalesce(ls.ordering_strategy, 'pairwise') as ordering_strategy,
        coalesce(ls.matching_strategy, 'per_pair') as matching_strategy
    into v_question
    from content.question_versions as qv
    inner join content.questions as q
        on qv.tenant_id = q.tenant_id and qv.question_id = q.id
    inner join content.milestones as ms
        on q.tenant_id = ms.tenant_id and q.milestone_id = ms.id
    inner join content.lessons as l
        on q.tenant_id = l.tenant_id and q.lesson_id = l.id
    left join content.question_answer_keys as k
        on qv.tenant_id = k.tenant_id and qv.question_id = k.question_id and qv.version = k.version
    left join learning.video_progress as p
        on ms.tenant_id = p.tenant_id and p.user_id = v_user_id and ms.video_id = p.video_id
    left join learning.lesson_settings as ls
        on q.tenant_id = ls.tenant_id and q.lesson_id = ls.lesson_id
    where
        qv.tenant_id = v_tenant_id
        and qv.question_id = p_question_id
        and qv.version = p_version;

    if not found then
        raise exception 'version % of question % not found in tenant %',
            coalesce(p_version::text, 'null'), coalesce(p_question_id::text, 'null'), v_tenant_id
            using errcode = 'IL320';
    end if;

    if not v_question.is_visible then
        perform learning.require_lesson_visible(v_tenant_id, v_user_id, v_question.lesson_id);
    end if;

    if v_question.status <> 'approved' then
        raise exception 'version % of question % is %, and only approved versions can be '
            'answered',
            p_version, p_question_id, v_question.status
            using
                errcode = 'IL321',
                hint = 'Answer the approved version of the question.';
    end if;

    if not learning.has_reached_position(v_question.watched_segments, v_question.position_ms) then
        raise exception 'student % has not watched video % up to % ms, where the question''s '
            'milestone is',
            v_user_id, v_question.video_id, v_question.position_ms
            using
                errcode = 'IL322',
                hint = 'Record the progress events of the watching before the answer.';
    end if;

    perform learning.validate_response(v_question.question_type, v_question.prompt, p_response);

    -- The results row is the lock that orders the attempts of one student on one version. A
    -- concurrent submission waits here, then counts this one's attempt. The first attempt
    -- inserts the row; a concurrent first attempt then finds it and waits for its lock.
    select r.attempt_count
    into v_attempt_count
    from learning.question_results as r
    where
        r.tenant_id = v_tenant_id
        and r.user_id = v_user_id
        and r.question_id = p_question_id
        and r.question_version = p_version
    for update;

    if not found then
        insert into learning.question_results (
            tenant_id, user_id, question_id, question_version, lesson_id, grade_policy, max_score
        )
        values (
            v_tenant_id,
            v_user_id,
            p_question_id,
            p_version,
            v_question.lesson_id,
            v_question.grade_policy,
            v_question.points
        )
        on conflict on constraint pk_question_results do nothing;

        select r.attempt_count
        into strict v_attempt_count
        from learning.question_results as r
        where
            r.tenant_id = v_tenant_id
            and r.user_id = v_user_id
            and r.question_id = p_question_id
            and r.question_version = p_version
        for update;
    end if;

    -- A submission retried with the same attempt id returns the attempt it made, whatever the
    -- new response.
    if p_attempt_id is not null then
        select a.*
        into v_attempt
        from learning.question_attempts as a
        where
            a.tenant_id = v_tenant_id
            and a.id = p_attempt_id;

        if found then
            if
                v_attempt.user_id <> v_user_id
                or v_attempt.question_id <> p_question_id
                or v_attempt.question_version <> p_version
            then
                raise exception 'attempt id % is already used by another attempt', p_attempt_id
                    using
                        errcode = 'IL325',
                        hint = 'Generate a new attempt id for each new submission.';
            end if;

            return query
            select
                v_attempt.id,
                v_attempt.attempt_number,
                v_attempt.status,
                v_attempt.outcome,
                v_attempt.score,
                v_attempt.max_score,
                v_attempt.feedback,
                (v_question.max_attempts - v_attempt_count)::integer;

            return;
        end if;
    end if;

    if v_attempt_count >= v_question.max_attempts then
        raise exception 'student % has used all % attempts on version % of question %',
            v_user_id, v_question.max_attempts, p_version, p_question_id
            using errcode = 'IL324';
    end if;

    v_attempt.tenant_id := v_tenant_id;
    v_attempt.id := coalesce(p_attempt_id, app.uuid_v7());
    v_attempt.user_id := v_user_id;
    v_attempt.question_id := p_question_id;
    v_attempt.question_version := p_version;
    v_attempt.attempt_number := v_attempt_count + 1;
    v_attempt.response := p_response;
    v_attempt.max_score := v_question.points;
    v_attempt.penalty_points := 0;

    v_credit := learning.grade_response(
        v_question.question_type,
        v_question.answer_key,
        p_response,
        v_question.ordering_strategy,
        v_question.matching_strategy
    );

    if v_question.question_type = 'free_text' then
        v_attempt.status := 'needs_grading';
    elsif v_question.question_type = 'poll' then
        v_attempt.status := 'graded';
        v_attempt.auto_score := 0;
        v_attempt.score := 0;
        v_attempt.graded_at := now();
    else
        v_attempt.status := 'graded';
        v_attempt.outcome := case
            when v_credit >= 1 then 'correct'
            when v_credit > 0 then 'partially_correct'
            else 'incorrect'
        end;
        v_raw_score := round(v_credit * v_question.points, 2);
        v_attempt.auto_score := learning.apply_retry_penalty(
            v_credit,
            v_question.points,
            v_question.retry_penalty_points,
            v_attempt.attempt_number
        );
        v_attempt.penalty_points := v_raw_score - v_attempt.auto_score;
        v_attempt.score := v_attempt.auto_score;
        v_attempt.graded_at := now();
        v_attempt.feedback := v_question.feedback ->> v_attempt.outcome::text;
    end if;

    insert into learning.question_attempts (
        tenant_id,
        id,
        user_id,
        question_id,
        question_version,
        attempt_number,
        response,
        status,
        outcome,
        auto_score,
        penalty_points,
        score,
        max_score,
        feedback,
        graded_at
    )
    values (
        v_attempt.tenant_id,
        v_attempt.id,
        v_attempt.user_id,
        v_attempt.question_id,
        v_attempt.question_version,
        v_attempt.attempt_number,
        v_attempt.response,
        v_attempt.status,
        v_attempt.outcome,
        v_attempt.auto_score,
        v_attempt.penalty_points,
        v_attempt.score,
        v_attempt.max_score,
        v_attempt.feedback,
        v_attempt.graded_at
    );

    -- The row is locked since the count above, so the new attempt updates it in place. Only
    -- the average needs every score, so it is recomputed from the attempts, as it is when the
    -- row's policy is not the lesson's (a policy change committed meanwhile).
    update learning.question_results as r
    set
        attempt_count = r.attempt_count + 1,
        graded_count = r.graded_count + (v_attempt.status = 'graded')::integer,
        pending_count = r.pending_count + (v_attempt.status = 'needs_grading')::integer,
        current_score = case r.grade_policy
            when 'highest' then greatest(r.current_score, v_attempt.score)
            when 'latest' then coalesce(v_attempt.score, r.current_score)
            when 'first' then coalesce(r.current_score, v_attempt.score)
        end,
        last_submitted_at = now()
    where
        r.tenant_id = v_tenant_id
        and r.user_id = v_user_id
        and r.question_id = p_question_id
        and r.question_version = p_version
        and r.grade_policy = v_question.grade_policy
        and r.grade_policy <> 'average';

    if not found then
        perform learning.refresh_question_result(
            v_tenant_id, v_user_id, p_question_id, p_version, v_question.grade_policy
        );
    end if;

    return query
    select
        v_attempt.id,
        v_attempt.attempt_number,
        v_attempt.status,
        v_attempt.outcome,
        v_attempt.score,
        v_attempt.max_score,
        v_attempt.feedback,
        (v_question.max_attempts - v_attempt.attempt_number)::integer;
end
$$;

ALTER FUNCTION learning.submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid) OWNER TO ilp_owner;

--
-- Name: FUNCTION submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid) IS 'Records the request''s student''s answer to an approved question version, grades it when its type allows (free_text waits for a teacher, poll is unscored) and returns the attempt''s id, number, status, outcome, score, maximum, feedback and remaining attempts (null: unlimited). p_attempt_id makes a retried submission return the same attempt. Raises IL300 or IL301 (no student context), IL320 (version not found), IL304 or IL305 (lesson not visible), IL321 (not approved), IL322 (milestone not watched up to), IL323 (invalid response), IL324 (no attempt left) and IL325 (attempt id used by another attempt).';

--
-- Name: tg_lesson_settings__rescore_results(); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.tg_lesson_settings__rescore_results() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_lesson_settings learning.lesson_settings := case when TG_OP = 'DELETE' then OLD else NEW end;
    v_grade_policy learning.grade_policy := case
        when TG_OP = 'DELETE' then 'highest'
        else NEW.grade_policy
    end;
    v_result record;
begin
    if TG_OP = 'UPDATE' and OLD.grade_policy = NEW.grade_policy then
        return null;
    end if;

    for v_result in
        select r.user_id, r.question_id, r.question_version
        from learning.question_results as r
        where
            r.tenant_id = v_lesson_settings.tenant_id
            and r.lesson_id = v_lesson_settings.lesson_id
            and r.grade_policy <> v_grade_policy
        order by r.user_id, r.question_id, r.question_version
    loop
        perform learning.refresh_question_result(
            v_lesson_settings.tenant_id,
            v_result.user_id,
            v_result.question_id,
            v_result.question_version,
            v_grade_policy
        );
    end loop;

    return null;
end
$$;

ALTER FUNCTION learning.tg_lesson_settings__rescore_results() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_lesson_settings__rescore_results(); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.tg_lesson_settings__rescore_results() IS 'Trigger function: after a lesson''s learning.lesson_settings row is inserted, deleted or its grade_policy changes, recomputes the current score of every learning.question_results row of the lesson under the new policy (highest once the row is deleted).';

--
-- Name: tg_progress_events__reject_update(); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.tg_progress_events__reject_update() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    raise exception 'progress event % of % cannot be changed: the event log is append-only',
        OLD.event_id, OLD.occurred_at
        using
            errcode = 'IL319',
            hint = 'Record a new event instead.',
            schema = TG_TABLE_SCHEMA,
            table = TG_TABLE_NAME;
end
$$;

ALTER FUNCTION learning.tg_progress_events__reject_update() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_progress_events__reject_update(); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.tg_progress_events__reject_update() IS 'Trigger function: raises IL319 for an update that changes a learning.progress_events row. An update that changes occurred_at, which would move the row to another partition, is rejected too, because the trigger fires on the row''s current partition before any move.';

--
-- Name: validate_response(content.question_type, jsonb, jsonb); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.validate_response(p_question_type content.question_type, p_prompt jsonb, p_response jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
    v_known_fields text[];
    v_unknown_field text;
    v_option_ids text[];
    v_given_ids text[];
    v_max_length integer;
    v_pair jsonb;
    v_left_ids text[];
    v_right_ids text[];
    v_given_left_ids text[] := '{}';
    v_index integer := 0;
begin
    if jsonb_typeof(p_response) is distinct from 'object' then
        perform learning.raise_response_error('response', 'must be a JSON object');
    end if;

    v_known_fields := case p_question_type
        when 'single_choice' then array['option_id']
        when 'multiple_choice' then array['option_ids']
        when 'true_false' then array['value']
        when 'fill_in_blanks' then array['blanks']
        when 'numeric' then array['value']
        when 'ordering' then array['order']
        when 'matching' then array['pairs']
        when 'hotspot' then array['x', 'y']
        when 'free_text' then array['text']
        when 'poll' then array['option_ids']
    end;

    -- The jsonb minus operator drops the known keys without a query; the key is named only when
    -- one is left.
    if p_response - v_known_fields <> '{}'::jsonb then
        select k
        into v_unknown_field
        from jsonb_object_keys(p_response - v_known_fields) as k
        order by k
        limit 1;

        perform learning.raise_response_error(
            'response.' || v_unknown_field,
            format(
                'is not a field of a %s response, which has: %s',
                p_question_type, array_to_string(v_known_fields, ', ')
            )
        );
    end if;

    if p_question_type in ('single_choice', 'multiple_choice', 'poll') then
        select coalesce(array_agg(o.value ->> 'id'), '{}')
        into v_option_ids
        from jsonb_array_elements(p_prompt -> 'options') as o;
    end if;

    case p_question_type
        when 'single_choice' then
            if not (jsonb_typeof(p_response -> 'option_id') = 'string'
                and (p_response ->> 'option_id') = any(v_option_ids)) then
                perform learning.raise_response_error(
                    'response.option_id', 'must be the id of an option of the prompt'
                );
            end if;

        when 'multiple_choice', 'poll' then
            if jsonb_typeof(p_response -> 'option_ids') is distinct from 'array'
                or jsonb_path_exists(p_response, '$.option_ids[*] ? (@.type() != "string")')
            then
                perform learning.raise_response_error(
                    'response.option_ids', 'must be an array of option ids'
                );
            end if;

            select array_agg(i.value)
            into v_given_ids
            from jsonb_array_elements_text(p_response -> 'option_ids') as i;

            if not coalesce(v_option_ids @> v_given_ids, true) then
                perform learning.raise_response_error(
                    'response.option_ids', 'must contain only ids of options of the prompt'
                );
            end if;

            if cardinality(v_given_ids) <> (select count(distinct g) from unnest(v_given_ids) as g)
            then
                perform learning.raise_response_error(
                    'response.option_ids', 'must not repeat an option id'
                );
            end if;

            if p_question_type = 'poll' and coalesce(cardinality(v_given_ids), 0) = 0 then
                perform learning.raise_response_error(
                    'response.option_ids', 'must contain at least one option id'
                );
            end if;

            if
                p_question_type = 'poll'
                and not coalesce((p_prompt ->> 'allow_multiple')::boolean, false)
                and cardinality(v_given_ids) > 1
            then
                perform learning.raise_response_error(
                    'response.option_ids', 'must contain one option id: the poll allows one choice'
                );
            end if;

        when 'true_false' then
            if jsonb_typeof(p_response -> 'value') is distinct from 'boolean' then
                perform learning.raise_response_error('response.value', 'must be true or false');
            end if;

        when 'fill_in_blanks' then
            if jsonb_typeof(p_response -> 'blanks') is distinct from 'object' then
                perform learning.raise_response_error(
                    'response.blanks', 'must be an object of blank id to answer text'
                );
            end if;

            select k
            into v_unknown_field
            from jsonb_each(p_response -> 'blanks') as a (k, value)
            where
                not a.k in (
                    select b.value ->> 'id'
                    from jsonb_array_elements(p_prompt -> 'blanks') as b
                )
                or jsonb_typeof(a.value) <> 'string'
                or char_length(a.value #>> '{}') > 1000
            order by a.k
            limit 1;

            if v_unknown_field is not null then
                perform learning.raise_response_error(
                    format('response.blanks.%s', v_unknown_field),
                    'must be a blank of the prompt, answered with text of at most 1000 characters'
                );
            end if;

        when 'numeric' then
            if jsonb_typeof(p_response -> 'value') is distinct from 'number' then
                perform learning.raise_response_error('response.value', 'must be a number');
            end if;

        when 'ordering' then
            if jsonb_typeof(p_response -> 'order') is distinct from 'array'
                or jsonb_path_exists(p_response, '$.order[*] ? (@.type() != "string")')
            then
                perform learning.raise_response_error(
                    'response.order', 'must be an array of item ids'
                );
            end if;

            select array_agg(i.value ->> 'id')
            into v_option_ids
            from jsonb_array_elements(p_prompt -> 'items') as i;

            select array_agg(g.value)
            into v_given_ids
            from jsonb_array_elements_text(p_response -> 'order') as g;

            if not (
                cardinality(v_given_ids) = cardinality(v_option_ids)
                and v_given_ids @> v_option_ids
                and v_option_ids @> v_given_ids
            ) then
                perform learning.raise_response_error(
                    'response.order', 'must list every item id of the prompt exactly once'
                );
            end if;

        when 'matching' then
            if jsonb_typeof(p_response -> 'pairs') is distinct from 'array' then
                perform learning.raise_response_error(
                    'response.pairs', 'must be an array of {"left": id, "right": id} objects'
                );
            end if;

            select array_agg(l.value ->> 'id')
            into v_left_ids
            from jsonb_array_elements(p_prompt -> 'left') as l;

            select array_agg(r.value ->> 'id')
            into v_right_ids
            from jsonb_array_elements(p_prompt -> 'right') as r;

            for v_pair in select p.value from jsonb_array_elements(p_response -> 'pairs') as p loop
                if not (
                    jsonb_typeof(v_pair) = 'object'
                    and (select count(*) from jsonb_object_keys(v_pair)) = 2
                    and (v_pair ->> 'left') = any(v_left_ids)
                    and (v_pair ->> 'right') = any(v_right_ids)
                    and jsonb_typeof(v_pair -> 'left') = 'string'
                    and jsonb_typeof(v_pair -> 'right') = 'string'
                ) then
                    perform learning.raise_response_error(
                        format('response.pairs[%s]', v_index),
                        'must be {"left": <id of prompt.left>, "right": <id of prompt.right>}'
                    );
                end if;

                if (v_pair ->> 'left') = any(v_given_left_ids) then
                    perform learning.raise_response_error(
                        format('response.pairs[%s].left', v_index),
                        'must not repeat a left id of an earlier pair'
                    );
                end if;

                v_given_left_ids := v_given_left_ids || (v_pair ->> 'left');
                v_index := v_index + 1;
            end loop;

        when 'hotspot' then
            if not (
                jsonb_typeof(p_response -> 'x') = 'number'
                and jsonb_typeof(p_response -> 'y') = 'number'
                and (p_response ->> 'x')::numeric between 0 and 1
                and (p_response ->> 'y')::numeric between 0 and 1
            ) then
                perform learning.raise_response_error(
                    'response', 'must have numbers x and y from 0 to 1 (fractions of the frame)'
                );
            end if;

        when 'free_text' then
            v_max_length := coalesce((p_prompt ->> 'max_length')::integer, 20000);

            if not (
                jsonb_typeof(p_response -> 'text') = 'string'
                and (p_response ->> 'text') ~ '[^[:space:]]'
                and char_length(p_response ->> 'text') <= v_max_length
            ) then
                perform learning.raise_response_error(
                    'response.text',
                    format('must be a non-blank string of at most %s characters', v_max_length)
                );
            end if;
    end case;
end
$_$;

ALTER FUNCTION learning.validate_response(p_question_type content.question_type, p_prompt jsonb, p_response jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION validate_response(p_question_type content.question_type, p_prompt jsonb, p_response jsonb); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.validate_response(p_question_type content.question_type, p_prompt jsonb, p_response jsonb) IS 'Validates a response against its question type and prompt, and raises IL323 naming the first invalid field; returns nothing when the response is valid. The shapes are listed in docs/learning.md.';

--
-- Name: watched_length_ms(int4multirange); Type: FUNCTION; Schema: learning; Owner: ilp_owner
--

CREATE FUNCTION learning.watched_length_ms(p_segments int4multirange) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_length integer;
begin
    -- The ranges of a multirange are merged and bounded, so none is counted twice.
    select coalesce(sum(upper(r.segment) - lower(r.segment)), 0)
    into v_length
    from unnest(p_segments) as r (segment);

    return v_length;
end
$$;

ALTER FUNCTION learning.watched_length_ms(p_segments int4multirange) OWNER TO ilp_owner;

--
-- Name: FUNCTION watched_length_ms(p_segments int4multirange); Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON FUNCTION learning.watched_length_ms(p_segments int4multirange) IS 'Returns the sum of the lengths of the ranges of a multirange of milliseconds. Example: {[0,1000),[5000,6000)} gives 2000.';

--
-- Name: create_progress_event_partitions(integer, integer); Type: FUNCTION; Schema: ops; Owner: ilp_owner
--

CREATE FUNCTION ops.create_progress_event_partitions(p_months_back integer DEFAULT 1, p_months_ahead integer DEFAULT 3) RETURNS TABLE(task text, detail text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET "TimeZone" TO 'UTC'
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    v_first_month timestamptz;
    v_month timestamptz;
    v_partition_name text;
begin
    if p_months_back is null or p_months_back < 0 or p_months_ahead is null or p_months_ahead < 0
    then
        raise exception 'months back and ahead must be 0 or more, got % and %',
            coalesce(p_months_back::text, 'null'), coalesce(p_months_ahead::text, 'null')
            using errcode = '22023';
    end if;

    -- Two runs at once would both try to create the same partition; the second waits here and
    -- then finds it.
    perform pg_advisory_xact_lock(
        hashtextextended('ops.create_progress_event_partitions', 0)
    );

    v_first_month := date_trunc('month', now()) - make_interval(months => p_months_back);

    for v_month in
        select generate_series(
            v_first_month,
            v_first_month + make_interval(months => p_months_back + p_months_ahead),
            interval '1 month'
        )
    loop
        v_partition_name := 'progress_events_' || to_char(v_month at time zone 'UTC', 'YYYY_MM');

        continue when to_regclass('learning.' || v_partition_name) is not null;

        execute format(
            'create table learning.%I (like learning.progress_events including defaults '
            'including constraints)',
            v_partition_name
        );
        execute format(
            'alter table learning.progress_events attach partition learning.%I '
            'for values from (%L) to (%L)',
            v_partition_name,
            v_month,
            v_month + interval '1 month'
        );

        task := 'create_partition';
        detail := 'learning.' || v_partition_name;
        return next;
    end loop;
end
$$;

ALTER FUNCTION ops.create_progress_event_partitions(p_months_back integer, p_months_ahead integer) OWNER TO ilp_owner;

--
-- Name: FUNCTION create_progress_event_partitions(p_months_back integer, p_months_ahead integer); Type: COMMENT; Schema: ops; Owner: ilp_owner
--

COMMENT ON FUNCTION ops.create_progress_event_partitions(p_months_back integer, p_months_ahead integer) IS 'Creates the missing monthly partitions of learning.progress_events from p_months_back UTC months before the current one to p_months_ahead months after it, and returns one row (create_partition, learning.progress_events_YYYY_MM) per partition created. Serialised by an advisory transaction lock, so concurrent runs create each partition once.';

--
-- Name: run_maintenance(); Type: FUNCTION; Schema: ops; Owner: ilp_owner
--

CREATE FUNCTION ops.run_maintenance() RETURNS TABLE(task text, detail text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    return query
    select p.task, p.detail
    from ops.create_progress_event_partitions() as p;
end
$$;

ALTER FUNCTION ops.run_maintenance() OWNER TO ilp_owner;

--
-- Name: FUNCTION run_maintenance(); Type: COMMENT; Schema: ops; Owner: ilp_owner
--

COMMENT ON FUNCTION ops.run_maintenance() IS 'Runs the maintenance tasks once and returns one row (task, detail) per action taken, none when there was nothing to do: for now, creating the partitions of learning.progress_events from the previous month to 3 months ahead. Safe to call repeatedly and from several sessions at once. Example: select * from ops.run_maintenance();';

--
-- Name: is_valid_tenant_settings(jsonb); Type: FUNCTION; Schema: tenancy; Owner: ilp_owner
--

CREATE FUNCTION tenancy.is_valid_tenant_settings(p_settings jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $_$
declare
    v_key text;
    v_value jsonb;
begin
    if jsonb_typeof(p_settings) <> 'object' then
        return false;
    end if;

    for v_key, v_value in select s.key, s.value from jsonb_each(p_settings) as s loop
        case v_key
            when 'default_locale' then
                if
                    jsonb_typeof(v_value) <> 'string'
                    or not app.is_valid_locale_tag(v_value #>> '{}')
                then
                    return false;
                end if;

            when 'timezone' then
                -- NOTE: only the shape of an IANA zone name is checked (UTC, Area/Location or
                -- Area/Region/Location). Whether the zone exists depends on the server's time zone
                -- database, which an immutable function cannot read.
                if
                    jsonb_typeof(v_value) <> 'string'
                    or (v_value #>> '{}') !~ '^(UTC|[A-Z][A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$'
                then
                    return false;
                end if;

            when 'features' then
                if jsonb_typeof(v_value) <> 'object' then
                    return false;
                end if;

                if exists (
                    select
                    from jsonb_each(v_value) as f
                    where
                        f.key !~ '^[a-z][a-z0-9_]{0,62}$'
                        or jsonb_typeof(f.value) <> 'boolean'
                ) then
                    return false;
                end if;

            else
                return false;
        end case;
    end loop;

    return true;
end
$_$;

ALTER FUNCTION tenancy.is_valid_tenant_settings(p_settings jsonb) OWNER TO ilp_owner;

--
-- Name: FUNCTION is_valid_tenant_settings(p_settings jsonb); Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON FUNCTION tenancy.is_valid_tenant_settings(p_settings jsonb) IS 'Returns whether a jsonb value is valid tenant settings: an object with only the optional keys default_locale (a locale tag such as fr-FR), timezone (an IANA zone name such as Europe/Paris) and features (an object of snake_case names to booleans). Unknown keys and wrong types are invalid.';

--
-- Name: tg__check_class_membership(); Type: FUNCTION; Schema: tenancy; Owner: ilp_owner
--

CREATE FUNCTION tenancy.tg__check_class_membership() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
declare
    -- The trigger's arguments list the roles the table accepts, for example 'teacher', 'admin'.
    v_accepted_roles tenancy.member_role[] := TG_ARGV::tenancy.member_role[];
    v_role tenancy.member_role;
    v_status tenancy.membership_status;
begin
    -- A row is current until its ended_at (null: open-ended). A row whose period has already
    -- ended is history, so recording or correcting it needs no check.
    if NEW.ended_at is not null and NEW.ended_at <= now() then
        return NEW;
    end if;

    -- An update that keeps a current row with the same membership needs no check either, so a
    -- suspended member keeps the classes they already have.
    if
        TG_OP = 'UPDATE'
        and (OLD.ended_at is null or OLD.ended_at > now())
        and OLD.tenant_id = NEW.tenant_id
        and OLD.user_id = NEW.user_id
    then
        return NEW;
    end if;

    -- The membership row stays locked until this transaction ends, so a concurrent update that
    -- makes the member leave or change role waits for it, and its own check then sees this row
    -- (under read committed; see tenancy.tg_memberships__check_current_class_rows()).
    -- In the other order, this select waits for the update, then reads the new status under read
    -- committed, or fails with SQLSTATE 40001 under repeatable read and serializable.
    -- The lock is for share, not for key share: an update of status or role takes for no key
    -- update, which for key share would not block.
    -- NOTE: this function runs as the caller, so under row-level security it sees only the
    -- memberships the caller's policies expose; for share also needs update privilege on
    -- tenancy.memberships and applies its update policies. A hidden membership raises IL103.
    select
        m.role,
        m.status
    into v_role, v_status
    from tenancy.memberships as m
    where
        m.tenant_id = NEW.tenant_id
        and m.user_id = NEW.user_id
    for share;

    if not found then
        raise exception 'user % is not a member of tenant %', NEW.user_id, NEW.tenant_id
            using
                errcode = 'IL103',
                detail = format(
                    '%I.%I accepts only members of the row''s tenant with role %s.',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, array_to_string(v_accepted_roles, ' or ')
                ),
                hint = 'Add the membership first. If it exists, the current role cannot see it '
                'under row-level security.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'user_id';
    end if;

    if v_status <> 'active' then
        raise exception 'membership of user % in tenant % is %',
            NEW.user_id, NEW.tenant_id, v_status
            using
                errcode = 'IL102',
                detail = format(
                    '%I.%I accepts new current rows only for active memberships.',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME
                ),
                hint = 'Set the membership''s status to active first, or choose another user.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'user_id';
    end if;

    if not v_role = any(v_accepted_roles) then
        raise exception 'user % has role % in tenant %', NEW.user_id, v_role, NEW.tenant_id
            using
                errcode = 'IL101',
                detail = format(
                    '%I.%I accepts only members with role %s.',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, array_to_string(v_accepted_roles, ' or ')
                ),
                hint = 'Change the membership''s role first, or choose another user.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'user_id';
    end if;

    return NEW;
end
$$;

ALTER FUNCTION tenancy.tg__check_class_membership() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg__check_class_membership(); Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON FUNCTION tenancy.tg__check_class_membership() IS 'Trigger function: rejects a class_teachers or enrollments row that becomes current (ended_at null or in the future) unless its user is an active member of the row''s tenant (IL103, IL102) with one of the roles given as trigger arguments (IL101). Locks the membership row for share.';

--
-- Name: tg_memberships__check_current_class_rows(); Type: FUNCTION; Schema: tenancy; Owner: ilp_owner
--

CREATE FUNCTION tenancy.tg_memberships__check_current_class_rows() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog'
    AS $$
declare
    v_teaching_count bigint;
    v_enrollment_count bigint;
begin
    -- A row counts while its period has not ended: ended_at is null or later than now(). So a
    -- row ended in this transaction (ended_at = now()) no longer counts.
    -- A before update trigger runs after the update has locked the membership row, and
    -- tenancy.tg__check_class_membership() locks that row for share before it accepts a new
    -- current row. So a concurrent insert either committed before these counts, which see it
    -- under read committed, or waits until this transaction ends and then sees the new status.
    -- NOTE: under repeatable read or serializable, the counts use the transaction's snapshot and
    -- miss a row that a concurrent transaction committed while this update waited for the lock.
    -- When both transactions are serializable, PostgreSQL raises 40001 instead; a repeatable read
    -- change, or a serializable one racing a read committed insert, can leave the row current.
    -- Run membership changes under read committed (the default).
    -- NOTE: this function runs as the caller, so under row-level security it counts only the
    -- rows the caller's policies expose.
    select count(*)
    into v_teaching_count
    from tenancy.class_teachers as t
    where
        t.tenant_id = NEW.tenant_id
        and t.user_id = NEW.user_id
        and (t.ended_at is null or t.ended_at > now());

    select count(*)
    into v_enrollment_count
    from tenancy.enrollments as e
    where
        e.tenant_id = NEW.tenant_id
        and e.user_id = NEW.user_id
        and (e.ended_at is null or e.ended_at > now());

    if
        NEW.status = 'left'
        and OLD.status <> 'left'
        and v_teaching_count + v_enrollment_count > 0
    then
        raise exception 'membership of user % in tenant % cannot leave while it has current class '
            'rows (% in class_teachers, % in enrollments)',
            NEW.user_id, NEW.tenant_id, v_teaching_count, v_enrollment_count
            using
                errcode = 'IL104',
                hint = 'End them first by setting their ended_at to now(), then set the status '
                'to left.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'status';
    end if;

    -- The accepted roles match the arguments of the check_class_membership triggers.
    if
        NEW.role <> OLD.role
        and v_teaching_count > 0
        and NEW.role not in ('teacher', 'admin')
    then
        raise exception 'membership of user % in tenant % cannot change role to % while it has '
            '% current rows in class_teachers',
            NEW.user_id, NEW.tenant_id, NEW.role, v_teaching_count
            using
                errcode = 'IL104',
                detail = 'tenancy.class_teachers accepts only members with role teacher or admin.',
                hint = 'End those rows first by setting their ended_at to now(), then change '
                'the role.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'role';
    end if;

    if
        NEW.role <> OLD.role
        and v_enrollment_count > 0
        and NEW.role <> 'student'
    then
        raise exception 'membership of user % in tenant % cannot change role to % while it has '
            '% current rows in enrollments',
            NEW.user_id, NEW.tenant_id, NEW.role, v_enrollment_count
            using
                errcode = 'IL104',
                detail = 'tenancy.enrollments accepts only members with role student.',
                hint = 'End those rows first by setting their ended_at to now(), then change '
                'the role.',
                schema = TG_TABLE_SCHEMA,
                table = TG_TABLE_NAME,
                column = 'role';
    end if;

    return NEW;
end
$$;

ALTER FUNCTION tenancy.tg_memberships__check_current_class_rows() OWNER TO ilp_owner;

--
-- Name: FUNCTION tg_memberships__check_current_class_rows(); Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON FUNCTION tenancy.tg_memberships__check_current_class_rows() IS 'Trigger function: rejects (IL104) a membership update that sets status to left while the member has current class_teachers or enrollments rows (ended_at null or in the future), or that changes the role to one those rows do not accept. Writes nothing: the caller ends them.';

--
-- Name: generation_jobs; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.generation_jobs (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    video_id uuid NOT NULL,
    requested_by uuid NOT NULL,
    model text NOT NULL,
    prompt_template text NOT NULL,
    prompt_template_version text NOT NULL,
    status content.generation_job_status DEFAULT 'queued'::content.generation_job_status NOT NULL,
    input_tokens integer DEFAULT 0 NOT NULL,
    output_tokens integer DEFAULT 0 NOT NULL,
    cost_usd numeric(12,6) DEFAULT 0 NOT NULL,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_generation_jobs_cost_not_negative CHECK ((cost_usd >= (0)::numeric)),
    CONSTRAINT check_generation_jobs_error_length CHECK (((error ~ '[^[:space:]]'::text) AND (char_length(error) <= 4000))),
    CONSTRAINT check_generation_jobs_error_matches_status CHECK (((status = 'failed'::content.generation_job_status) = (error IS NOT NULL))),
    CONSTRAINT check_generation_jobs_finished_at_matches_status CHECK (((status = ANY (ARRAY['succeeded'::content.generation_job_status, 'failed'::content.generation_job_status, 'cancelled'::content.generation_job_status])) = (finished_at IS NOT NULL))),
    CONSTRAINT check_generation_jobs_model_format CHECK ((model ~ '^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$'::text)),
    CONSTRAINT check_generation_jobs_prompt_template_format CHECK ((prompt_template ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'::text)),
    CONSTRAINT check_generation_jobs_prompt_template_version_format CHECK ((prompt_template_version ~ '^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$'::text)),
    CONSTRAINT check_generation_jobs_started_at_set CHECK (((status <> ALL (ARRAY['running'::content.generation_job_status, 'succeeded'::content.generation_job_status])) OR (started_at IS NOT NULL))),
    CONSTRAINT check_generation_jobs_times_ordered CHECK (((started_at >= created_at) AND (finished_at >= COALESCE(started_at, created_at)))),
    CONSTRAINT check_generation_jobs_tokens_not_negative CHECK (((input_tokens >= 0) AND (output_tokens >= 0)))
);

ALTER TABLE ONLY content.generation_jobs FORCE ROW LEVEL SECURITY;

ALTER TABLE content.generation_jobs OWNER TO ilp_owner;

--
-- Name: TABLE generation_jobs; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.generation_jobs IS 'A run of a language model that drafts questions from the transcript of one video, with its state, token counts and cost. The questions it produced point to it from content.question_versions.generation_job_id.';

--
-- Name: COLUMN generation_jobs.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.tenant_id IS 'The tenant that requested the job and pays for it.';

--
-- Name: COLUMN generation_jobs.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.id IS 'Job id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN generation_jobs.video_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.video_id IS 'The video whose transcript the job reads.';

--
-- Name: COLUMN generation_jobs.requested_by; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.requested_by IS 'The member (teacher or admin) who started the job.';

--
-- Name: COLUMN generation_jobs.model; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.model IS 'Model identifier as the provider names it, such as gemini-1.5-pro-002.';

--
-- Name: COLUMN generation_jobs.prompt_template; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.prompt_template IS 'Name of the prompt template used, such as milestone-questions: lowercase letters, digits, dots, dashes and underscores.';

--
-- Name: COLUMN generation_jobs.prompt_template_version; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.prompt_template_version IS 'Version of the prompt template, such as 3 or 2.1.0.';

--
-- Name: COLUMN generation_jobs.status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.status IS 'State of the job; see the type content.generation_job_status. An illegal change raises IL203.';

--
-- Name: COLUMN generation_jobs.input_tokens; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.input_tokens IS 'Prompt tokens billed so far, as the provider reports them.';

--
-- Name: COLUMN generation_jobs.output_tokens; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.output_tokens IS 'Output tokens billed so far, as the provider reports them.';

--
-- Name: COLUMN generation_jobs.cost_usd; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.cost_usd IS 'Cost of the job in US dollars, to the micro-dollar.';

--
-- Name: COLUMN generation_jobs.error; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.error IS 'Why the job failed, as the provider or the worker reports it; set exactly when failed.';

--
-- Name: COLUMN generation_jobs.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.created_at IS 'When the job was queued.';

--
-- Name: COLUMN generation_jobs.started_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.started_at IS 'When the job started running; set by the trigger check_status_transition.';

--
-- Name: COLUMN generation_jobs.finished_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.finished_at IS 'When the job reached a final state; set by the trigger check_status_transition.';

--
-- Name: COLUMN generation_jobs.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.generation_jobs.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: lesson_assignments; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.lesson_assignments (
    tenant_id uuid NOT NULL,
    lesson_id uuid NOT NULL,
    class_id uuid NOT NULL,
    assigned_by uuid NOT NULL,
    assigned_at timestamp with time zone DEFAULT now() NOT NULL,
    due_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_lesson_assignments_due_after_assigned CHECK ((due_at > assigned_at))
);

ALTER TABLE ONLY content.lesson_assignments FORCE ROW LEVEL SECURITY;

ALTER TABLE content.lesson_assignments OWNER TO ilp_owner;

--
-- Name: TABLE lesson_assignments; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.lesson_assignments IS 'Assignment of a lesson to a class, with an optional due date. Students of the class see the lesson while it is published.';

--
-- Name: COLUMN lesson_assignments.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.tenant_id IS 'The tenant of the lesson and of the class.';

--
-- Name: COLUMN lesson_assignments.lesson_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.lesson_id IS 'The lesson assigned.';

--
-- Name: COLUMN lesson_assignments.class_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.class_id IS 'The class the lesson is assigned to.';

--
-- Name: COLUMN lesson_assignments.assigned_by; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.assigned_by IS 'The member (teacher or admin) who assigned the lesson.';

--
-- Name: COLUMN lesson_assignments.assigned_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.assigned_at IS 'When the lesson was assigned.';

--
-- Name: COLUMN lesson_assignments.due_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.due_at IS 'Optional due date, after assigned_at; null means no due date.';

--
-- Name: COLUMN lesson_assignments.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN lesson_assignments.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lesson_assignments.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: lessons; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.lessons (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    author_id uuid NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    language text DEFAULT 'en'::text NOT NULL,
    status content.lesson_status DEFAULT 'draft'::content.lesson_status NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS ((setweight(to_tsvector(content.text_search_config(language), title), 'A'::"char") || setweight(to_tsvector(content.text_search_config(language), description), 'B'::"char"))) STORED NOT NULL,
    CONSTRAINT check_lessons_description_length CHECK ((char_length(description) <= 10000)),
    CONSTRAINT check_lessons_language_format CHECK (app.is_valid_locale_tag(language)),
    CONSTRAINT check_lessons_published_at_set CHECK (((status <> 'published'::content.lesson_status) OR (published_at IS NOT NULL))),
    CONSTRAINT check_lessons_title_length CHECK (((title ~ '[^[:space:]]'::text) AND (char_length(title) <= 200))),
    CONSTRAINT check_lessons_version_positive CHECK ((version > 0))
);

ALTER TABLE ONLY content.lessons FORCE ROW LEVEL SECURITY;

ALTER TABLE content.lessons OWNER TO ilp_owner;

--
-- Name: TABLE lessons; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.lessons IS 'A lesson of a tenant: an ordered list of video groups, each an ordered list of videos with milestones and questions.';

--
-- Name: COLUMN lessons.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.tenant_id IS 'The tenant that owns the lesson.';

--
-- Name: COLUMN lessons.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.id IS 'Lesson id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN lessons.author_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.author_id IS 'The member who wrote the lesson.';

--
-- Name: COLUMN lessons.title; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.title IS 'Title shown to students: not blank, at most 200 characters.';

--
-- Name: COLUMN lessons.description; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.description IS 'Description shown to students, possibly empty, at most 10,000 characters.';

--
-- Name: COLUMN lessons.language; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.language IS 'Language of the lesson as a locale tag such as en or fr-FR; picks the text search configuration of search_vector through content.text_search_config().';

--
-- Name: COLUMN lessons.status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.status IS 'Lifecycle status; see the type content.lesson_status. Set published_at when publishing.';

--
-- Name: COLUMN lessons.version; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.version IS 'Revision counter, 1 on insert and incremented by the trigger bump_version on every update that changes the title, description, language or status; clients use it for optimistic concurrency (update ... where version = the version they read).';

--
-- Name: COLUMN lessons.published_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.published_at IS 'When the lesson was last published; set by the trigger bump_version when the status becomes published, and required while it is published.';

--
-- Name: COLUMN lessons.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN lessons.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: COLUMN lessons.search_vector; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.lessons.search_vector IS 'Generated full-text document: the title (weight A) and the description (weight B), parsed with the configuration of the lesson language. Query it with websearch_to_tsquery and the same configuration.';

--
-- Name: milestones; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.milestones (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    lesson_id uuid NOT NULL,
    video_id uuid NOT NULL,
    position_ms integer NOT NULL,
    sort_order smallint DEFAULT 0 NOT NULL,
    kind content.milestone_kind NOT NULL,
    title text,
    pause_playback boolean DEFAULT true NOT NULL,
    require_correct_answer boolean DEFAULT false NOT NULL,
    seek_back_to_ms integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_milestones_answer_rules_only_for_questions CHECK (((kind = 'question'::content.milestone_kind) OR ((NOT require_correct_answer) AND (seek_back_to_ms IS NULL)))),
    CONSTRAINT check_milestones_chapter_has_title CHECK (((kind <> 'chapter'::content.milestone_kind) OR (title IS NOT NULL))),
    CONSTRAINT check_milestones_position_not_negative CHECK ((position_ms >= 0)),
    CONSTRAINT check_milestones_seek_back_before_position CHECK (((seek_back_to_ms >= 0) AND (seek_back_to_ms < position_ms))),
    CONSTRAINT check_milestones_sort_order_not_negative CHECK ((sort_order >= 0)),
    CONSTRAINT check_milestones_title_length CHECK (((title ~ '[^[:space:]]'::text) AND (char_length(title) <= 200)))
);

ALTER TABLE ONLY content.milestones FORCE ROW LEVEL SECURITY;

ALTER TABLE content.milestones OWNER TO ilp_owner;

--
-- Name: TABLE milestones; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.milestones IS 'A point in a video, in milliseconds, where the player stops for questions, records a checkpoint or starts a chapter. Its position never exceeds the video''s duration (IL202 on insert or update, IL201 when the duration shrinks).';

--
-- Name: COLUMN milestones.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.tenant_id IS 'The tenant of the video.';

--
-- Name: COLUMN milestones.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.id IS 'Milestone id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN milestones.lesson_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.lesson_id IS 'The lesson of the video, copied so that row-level security needs no join; the foreign key to videos keeps it equal to the video''s lesson.';

--
-- Name: COLUMN milestones.video_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.video_id IS 'The video the milestone is in.';

--
-- Name: COLUMN milestones.position_ms; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.position_ms IS 'Position in the video in milliseconds, from 0 up to the video''s duration included.';

--
-- Name: COLUMN milestones.sort_order; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.sort_order IS 'Order among the milestones of the video at the same position_ms, from 0 up; (video, position_ms, sort_order) is unique.';

--
-- Name: COLUMN milestones.kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.kind IS 'What happens at the milestone; see the type content.milestone_kind.';

--
-- Name: COLUMN milestones.title; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.title IS 'Title shown in the player, required for chapters: not blank, at most 200 characters.';

--
-- Name: COLUMN milestones.pause_playback; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.pause_playback IS 'Whether the player pauses when it reaches the milestone.';

--
-- Name: COLUMN milestones.require_correct_answer; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.require_correct_answer IS 'Whether the student must answer correctly before playback continues; question milestones only.';

--
-- Name: COLUMN milestones.seek_back_to_ms; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.seek_back_to_ms IS 'Position in milliseconds the player seeks back to after a wrong answer, before position_ms; null means no seek. Question milestones only.';

--
-- Name: COLUMN milestones.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN milestones.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.milestones.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: question_answer_keys; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.question_answer_keys (
    tenant_id uuid NOT NULL,
    question_id uuid NOT NULL,
    version integer NOT NULL,
    answer_key jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY content.question_answer_keys FORCE ROW LEVEL SECURITY;

ALTER TABLE content.question_answer_keys OWNER TO ilp_owner;

--
-- Name: TABLE question_answer_keys; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.question_answer_keys IS 'The answer key of a scored question version, kept apart from the prompt so that students have no privilege on it. Changes only while its version is a draft (IL220).';

--
-- Name: COLUMN question_answer_keys.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_answer_keys.tenant_id IS 'The tenant of the question.';

--
-- Name: COLUMN question_answer_keys.question_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_answer_keys.question_id IS 'The question.';

--
-- Name: COLUMN question_answer_keys.version; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_answer_keys.version IS 'The question version this key grades.';

--
-- Name: COLUMN question_answer_keys.answer_key; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_answer_keys.answer_key IS 'Answer key as JSON, checked against the version''s prompt by content.validate_question_answer_key() (IL211, IL212).';

--
-- Name: COLUMN question_answer_keys.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_answer_keys.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN question_answer_keys.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_answer_keys.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: question_versions; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.question_versions (
    tenant_id uuid NOT NULL,
    question_id uuid NOT NULL,
    version integer NOT NULL,
    question_type content.question_type NOT NULL,
    prompt jsonb NOT NULL,
    points numeric(6,2) DEFAULT 1 NOT NULL,
    retry_penalty_points numeric(6,2) DEFAULT 0 NOT NULL,
    max_attempts smallint,
    hints jsonb DEFAULT '[]'::jsonb NOT NULL,
    feedback jsonb DEFAULT '{}'::jsonb NOT NULL,
    status content.question_status DEFAULT 'draft'::content.question_status NOT NULL,
    status_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid NOT NULL,
    generation_job_id uuid,
    prompt_sha256 text,
    transcript_range_ms int4range,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_question_versions_feedback_shape CHECK (((jsonb_typeof(feedback) = 'object'::text) AND ((feedback - ARRAY['correct'::text, 'partially_correct'::text, 'incorrect'::text]) = '{}'::jsonb) AND (NOT jsonb_path_exists(feedback, '$.*?(@.type() != "string")'::jsonpath)))),
    CONSTRAINT check_question_versions_hints_shape CHECK (((jsonb_typeof(hints) = 'array'::text) AND (jsonb_array_length(hints) <= 10) AND (NOT jsonb_path_exists(hints, '$[*]?(@.type() != "string" || !(@ like_regex "[^[:space:]]"))'::jsonpath)))),
    CONSTRAINT check_question_versions_max_attempts_positive CHECK ((max_attempts > 0)),
    CONSTRAINT check_question_versions_points_not_negative CHECK ((points >= (0)::numeric)),
    CONSTRAINT check_question_versions_poll_unscored CHECK (((question_type <> 'poll'::content.question_type) OR (points = (0)::numeric))),
    CONSTRAINT check_question_versions_prompt_sha256_format CHECK ((prompt_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT check_question_versions_provenance_complete CHECK ((((generation_job_id IS NULL) AND (prompt_sha256 IS NULL) AND (transcript_range_ms IS NULL)) OR ((generation_job_id IS NOT NULL) AND (prompt_sha256 IS NOT NULL) AND (transcript_range_ms IS NOT NULL)))),
    CONSTRAINT check_question_versions_retry_penalty CHECK (((retry_penalty_points >= (0)::numeric) AND (retry_penalty_points <= points))),
    CONSTRAINT check_question_versions_transcript_range CHECK (((NOT isempty(transcript_range_ms)) AND (lower(transcript_range_ms) >= 0) AND (NOT upper_inf(transcript_range_ms)))),
    CONSTRAINT check_question_versions_version_positive CHECK ((version > 0))
);

ALTER TABLE ONLY content.question_versions FORCE ROW LEVEL SECURITY;

ALTER TABLE content.question_versions OWNER TO ilp_owner;

--
-- Name: TABLE question_versions; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.question_versions IS 'One version of a question: its type, student-facing prompt and scoring settings, and its review state. Only drafts change (IL220); editing an approved question means inserting a new draft version. The answer key is in content.question_answer_keys.';

--
-- Name: COLUMN question_versions.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.tenant_id IS 'The tenant of the question.';

--
-- Name: COLUMN question_versions.question_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.question_id IS 'The question this is a version of.';

--
-- Name: COLUMN question_versions.version; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.version IS 'Version number, 1 up without gaps per question; a null on insert takes the next number.';

--
-- Name: COLUMN question_versions.question_type; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.question_type IS 'Type of question; see the type content.question_type.';

--
-- Name: COLUMN question_versions.prompt; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.prompt IS 'Student-facing prompt as JSON, checked by content.validate_question_prompt() (IL210). Holds nothing that gives away the answer.';

--
-- Name: COLUMN question_versions.points; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.points IS 'Points for a fully correct answer; 0 for polls.';

--
-- Name: COLUMN question_versions.retry_penalty_points; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.retry_penalty_points IS 'Points deducted for each attempt after the first, at most points.';

--
-- Name: COLUMN question_versions.max_attempts; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.max_attempts IS 'Maximum number of attempts per student; null means unlimited.';

--
-- Name: COLUMN question_versions.hints; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.hints IS 'Hints shown one at a time after wrong answers: a JSON array of at most 10 non-blank strings.';

--
-- Name: COLUMN question_versions.feedback; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.feedback IS 'Feedback per outcome: a JSON object with the optional string keys correct, partially_correct and incorrect.';

--
-- Name: COLUMN question_versions.status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.status IS 'Review state; see the type content.question_status. Changed only by inserting into content.question_transitions (IL223).';

--
-- Name: COLUMN question_versions.status_changed_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.status_changed_at IS 'When the status last changed.';

--
-- Name: COLUMN question_versions.created_by; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.created_by IS 'The member who wrote this version (for generated versions, who started the job).';

--
-- Name: COLUMN question_versions.generation_job_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.generation_job_id IS 'The job that generated this version; null for versions written by a person.';

--
-- Name: COLUMN question_versions.prompt_sha256; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.prompt_sha256 IS 'SHA-256 of the exact prompt sent to the model, as 64 lowercase hex digits; set exactly for generated versions.';

--
-- Name: COLUMN question_versions.transcript_range_ms; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.transcript_range_ms IS 'Part of the video transcript the model read, in milliseconds [from, to), within the video''s duration (IL204); set exactly for generated versions.';

--
-- Name: COLUMN question_versions.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN question_versions.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.question_versions.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: questions; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.questions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    lesson_id uuid NOT NULL,
    milestone_id uuid NOT NULL,
    milestone_kind content.milestone_kind GENERATED ALWAYS AS ('question'::content.milestone_kind) STORED NOT NULL,
    "position" integer DEFAULT 0 NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_questions_position_not_negative CHECK (("position" >= 0))
);

ALTER TABLE ONLY content.questions FORCE ROW LEVEL SECURITY;

ALTER TABLE content.questions OWNER TO ilp_owner;

--
-- Name: TABLE questions; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.questions IS 'Stable identity of a question asked at a question milestone. Its content lives in content.question_versions; answers point to the exact version answered.';

--
-- Name: COLUMN questions.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.tenant_id IS 'The tenant of the lesson.';

--
-- Name: COLUMN questions.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.id IS 'Question id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN questions.lesson_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.lesson_id IS 'The lesson of the milestone, copied so that row-level security needs no join; the foreign key to milestones keeps it equal to the milestone''s lesson.';

--
-- Name: COLUMN questions.milestone_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.milestone_id IS 'The milestone where the question is asked; its kind must be question.';

--
-- Name: COLUMN questions.milestone_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.milestone_kind IS 'Always question; part of the foreign key so that only question milestones carry questions.';

--
-- Name: COLUMN questions."position"; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions."position" IS 'Order of the question among those of its milestone, from 0 up, unique per milestone (checked at commit when the constraint is set deferred).';

--
-- Name: COLUMN questions.created_by; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.created_by IS 'The member who created the question (for generated questions, who started the job).';

--
-- Name: COLUMN questions.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN questions.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.questions.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: storage_objects; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.storage_objects (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    kind content.storage_object_kind NOT NULL,
    bucket text NOT NULL,
    object_name text NOT NULL,
    generation bigint NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL,
    crc32c text NOT NULL,
    md5_hash text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_storage_objects_bucket_name CHECK (content.is_valid_gcs_bucket_name(bucket)),
    CONSTRAINT check_storage_objects_content_type_format CHECK (((char_length(content_type) <= 255) AND (content_type ~ '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*( *;.*)?$'::text))),
    CONSTRAINT check_storage_objects_crc32c_format CHECK ((crc32c ~ '^[A-Za-z0-9+/]{5}[AQgw]==$'::text)),
    CONSTRAINT check_storage_objects_generation_positive CHECK ((generation > 0)),
    CONSTRAINT check_storage_objects_md5_hash_format CHECK ((md5_hash ~ '^[A-Za-z0-9+/]{21}[AQgw]==$'::text)),
    CONSTRAINT check_storage_objects_object_name CHECK (content.is_valid_gcs_object_name(object_name)),
    CONSTRAINT check_storage_objects_size_not_negative CHECK ((size_bytes >= 0))
);

ALTER TABLE ONLY content.storage_objects FORCE ROW LEVEL SECURITY;

ALTER TABLE content.storage_objects OWNER TO ilp_owner;

--
-- Name: TABLE storage_objects; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.storage_objects IS 'A Cloud Storage object version used by a video, rendition or text track. A reference (bucket, object name, generation) appears at most once per tenant, and each row is used by exactly one row of the table its kind names.';

--
-- Name: COLUMN storage_objects.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.tenant_id IS 'The tenant that owns the object reference.';

--
-- Name: COLUMN storage_objects.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.id IS 'Object reference id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN storage_objects.kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.kind IS 'Which table uses the object; see the type content.storage_object_kind.';

--
-- Name: COLUMN storage_objects.bucket; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.bucket IS 'Cloud Storage bucket name, checked by content.is_valid_gcs_bucket_name().';

--
-- Name: COLUMN storage_objects.object_name; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.object_name IS 'Cloud Storage object name, checked by content.is_valid_gcs_object_name().';

--
-- Name: COLUMN storage_objects.generation; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.generation IS 'Cloud Storage generation of the object (a positive 64-bit number), which identifies one version of the object.';

--
-- Name: COLUMN storage_objects.content_type; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.content_type IS 'Media type that Cloud Storage reports, such as video/mp4 or text/vtt.';

--
-- Name: COLUMN storage_objects.size_bytes; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.size_bytes IS 'Object size in bytes, as Cloud Storage reports it.';

--
-- Name: COLUMN storage_objects.crc32c; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.crc32c IS 'CRC32C checksum that Cloud Storage reports: base64 of 4 bytes, big-endian, such as AAAAAA==.';

--
-- Name: COLUMN storage_objects.md5_hash; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.md5_hash IS 'MD5 hash that Cloud Storage reports: base64 of 16 bytes. Null for composite objects, which Cloud Storage stores without an MD5 hash.';

--
-- Name: COLUMN storage_objects.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.storage_objects.created_at IS 'When the row was inserted.';

--
-- Name: video_groups; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.video_groups (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    lesson_id uuid NOT NULL,
    "position" integer NOT NULL,
    title text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_video_groups_position_not_negative CHECK (("position" >= 0)),
    CONSTRAINT check_video_groups_title_length CHECK (((title ~ '[^[:space:]]'::text) AND (char_length(title) <= 200)))
);

ALTER TABLE ONLY content.video_groups FORCE ROW LEVEL SECURITY;

ALTER TABLE content.video_groups OWNER TO ilp_owner;

--
-- Name: TABLE video_groups; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.video_groups IS 'An ordered section of a lesson that contains videos.';

--
-- Name: COLUMN video_groups.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups.tenant_id IS 'The tenant of the lesson.';

--
-- Name: COLUMN video_groups.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups.id IS 'Video group id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN video_groups.lesson_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups.lesson_id IS 'The lesson the group belongs to.';

--
-- Name: COLUMN video_groups."position"; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups."position" IS 'Place of the group in its lesson, from 0 up, unique per lesson (checked at commit when the constraint is set deferred). Gaps are allowed.';

--
-- Name: COLUMN video_groups.title; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups.title IS 'Optional section title: not blank, at most 200 characters.';

--
-- Name: COLUMN video_groups.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN video_groups.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_groups.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: video_renditions; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.video_renditions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    video_id uuid NOT NULL,
    profile text NOT NULL,
    storage_object_id uuid NOT NULL,
    storage_object_kind content.storage_object_kind GENERATED ALWAYS AS ('video_rendition'::content.storage_object_kind) STORED NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    bitrate_bps integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_video_renditions_bitrate_positive CHECK ((bitrate_bps > 0)),
    CONSTRAINT check_video_renditions_dimensions CHECK (((width > 0) AND (height > 0))),
    CONSTRAINT check_video_renditions_profile_format CHECK ((profile ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'::text))
);

ALTER TABLE ONLY content.video_renditions FORCE ROW LEVEL SECURITY;

ALTER TABLE content.video_renditions OWNER TO ilp_owner;

--
-- Name: TABLE video_renditions; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.video_renditions IS 'An encoding of a video for one encoding profile, stored as its own Cloud Storage object.';

--
-- Name: COLUMN video_renditions.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.tenant_id IS 'The tenant of the video.';

--
-- Name: COLUMN video_renditions.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.id IS 'Rendition id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN video_renditions.video_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.video_id IS 'The video this rendition encodes.';

--
-- Name: COLUMN video_renditions.profile; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.profile IS 'Encoding profile name such as 720p-h264 or hls-1080p: 1 to 63 lowercase letters, digits, dots, dashes and underscores. One rendition per profile and video.';

--
-- Name: COLUMN video_renditions.storage_object_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.storage_object_id IS 'The rendition''s object in content.storage_objects, used by no other row.';

--
-- Name: COLUMN video_renditions.storage_object_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.storage_object_kind IS 'Always video_rendition; part of the foreign key so that the object''s kind matches this table.';

--
-- Name: COLUMN video_renditions.width; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.width IS 'Frame width in pixels.';

--
-- Name: COLUMN video_renditions.height; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.height IS 'Frame height in pixels.';

--
-- Name: COLUMN video_renditions.bitrate_bps; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.bitrate_bps IS 'Average bitrate in bits per second.';

--
-- Name: COLUMN video_renditions.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_renditions.created_at IS 'When the row was inserted.';

--
-- Name: video_text_tracks; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.video_text_tracks (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    video_id uuid NOT NULL,
    kind content.text_track_kind NOT NULL,
    language text NOT NULL,
    label text,
    storage_object_id uuid NOT NULL,
    storage_object_kind content.storage_object_kind GENERATED ALWAYS AS ('video_text_track'::content.storage_object_kind) STORED NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_video_text_tracks_label_length CHECK (((label ~ '[^[:space:]]'::text) AND (char_length(label) <= 100))),
    CONSTRAINT check_video_text_tracks_language_format CHECK (app.is_valid_locale_tag(language))
);

ALTER TABLE ONLY content.video_text_tracks FORCE ROW LEVEL SECURITY;

ALTER TABLE content.video_text_tracks OWNER TO ilp_owner;

--
-- Name: TABLE video_text_tracks; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.video_text_tracks IS 'A captions or transcript track of a video in one language, stored as its own Cloud Storage object.';

--
-- Name: COLUMN video_text_tracks.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.tenant_id IS 'The tenant of the video.';

--
-- Name: COLUMN video_text_tracks.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.id IS 'Text track id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN video_text_tracks.video_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.video_id IS 'The video the track belongs to.';

--
-- Name: COLUMN video_text_tracks.kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.kind IS 'Captions or transcript; see the type content.text_track_kind. One track per kind, language and video.';

--
-- Name: COLUMN video_text_tracks.language; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.language IS 'Language of the track as a locale tag such as en or fr-FR.';

--
-- Name: COLUMN video_text_tracks.label; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.label IS 'Optional label shown in the player''s track menu, such as "English (auto)": not blank, at most 100 characters.';

--
-- Name: COLUMN video_text_tracks.storage_object_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.storage_object_id IS 'The track''s object in content.storage_objects, used by no other row.';

--
-- Name: COLUMN video_text_tracks.storage_object_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.storage_object_kind IS 'Always video_text_track; part of the foreign key so that the object''s kind matches this table.';

--
-- Name: COLUMN video_text_tracks.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.video_text_tracks.created_at IS 'When the row was inserted.';

--
-- Name: videos; Type: TABLE; Schema: content; Owner: ilp_owner
--

CREATE TABLE content.videos (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    lesson_id uuid NOT NULL,
    video_group_id uuid NOT NULL,
    "position" integer NOT NULL,
    title text NOT NULL,
    storage_object_id uuid NOT NULL,
    storage_object_kind content.storage_object_kind GENERATED ALWAYS AS ('video_source'::content.storage_object_kind) STORED NOT NULL,
    duration_ms integer,
    width integer,
    height integer,
    processing_status content.video_processing_status DEFAULT 'uploaded'::content.video_processing_status NOT NULL,
    uploaded_at timestamp with time zone DEFAULT now() NOT NULL,
    transcoding_started_at timestamp with time zone,
    ready_at timestamp with time zone,
    failed_at timestamp with time zone,
    failure_reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_videos_dimensions CHECK ((((width IS NULL) = (height IS NULL)) AND (width > 0) AND (height > 0))),
    CONSTRAINT check_videos_duration_positive CHECK ((duration_ms > 0)),
    CONSTRAINT check_videos_failed_has_reason CHECK (((processing_status <> 'failed'::content.video_processing_status) OR ((failed_at IS NOT NULL) AND (failure_reason IS NOT NULL)))),
    CONSTRAINT check_videos_failure_reason_length CHECK (((failure_reason ~ '[^[:space:]]'::text) AND (char_length(failure_reason) <= 2000))),
    CONSTRAINT check_videos_position_not_negative CHECK (("position" >= 0)),
    CONSTRAINT check_videos_ready_has_metadata CHECK (((processing_status <> 'ready'::content.video_processing_status) OR ((duration_ms IS NOT NULL) AND (width IS NOT NULL) AND (ready_at IS NOT NULL)))),
    CONSTRAINT check_videos_title_length CHECK (((title ~ '[^[:space:]]'::text) AND (char_length(title) <= 200))),
    CONSTRAINT check_videos_transcoding_started CHECK (((processing_status <> 'transcoding'::content.video_processing_status) OR (transcoding_started_at IS NOT NULL)))
);

ALTER TABLE ONLY content.videos FORCE ROW LEVEL SECURITY;

ALTER TABLE content.videos OWNER TO ilp_owner;

--
-- Name: TABLE videos; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON TABLE content.videos IS 'A video in a group of a lesson, stored in Cloud Storage, with its processing state.';

--
-- Name: COLUMN videos.tenant_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.tenant_id IS 'The tenant of the lesson.';

--
-- Name: COLUMN videos.id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.id IS 'Video id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN videos.lesson_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.lesson_id IS 'The lesson of the video''s group, copied so that row-level security and lookups need no join; the foreign key to video_groups keeps it equal to the group''s lesson.';

--
-- Name: COLUMN videos.video_group_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.video_group_id IS 'The group the video belongs to.';

--
-- Name: COLUMN videos."position"; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos."position" IS 'Place of the video in its group, from 0 up, unique per group (checked at commit when the constraint is set deferred). Gaps are allowed.';

--
-- Name: COLUMN videos.title; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.title IS 'Title shown to students: not blank, at most 200 characters.';

--
-- Name: COLUMN videos.storage_object_id; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.storage_object_id IS 'The uploaded source object in content.storage_objects, used by no other row.';

--
-- Name: COLUMN videos.storage_object_kind; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.storage_object_kind IS 'Always video_source; part of the foreign key so that the object''s kind matches this table.';

--
-- Name: COLUMN videos.duration_ms; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.duration_ms IS 'Duration in milliseconds, known once the video is probed; required when ready. Cannot become shorter than a milestone of the video (error IL201).';

--
-- Name: COLUMN videos.width; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.width IS 'Frame width in pixels of the source; set together with height.';

--
-- Name: COLUMN videos.height; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.height IS 'Frame height in pixels of the source; set together with width.';

--
-- Name: COLUMN videos.processing_status; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.processing_status IS 'Processing state; see the type content.video_processing_status. An illegal change raises IL200.';

--
-- Name: COLUMN videos.uploaded_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.uploaded_at IS 'When the source object was uploaded.';

--
-- Name: COLUMN videos.transcoding_started_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.transcoding_started_at IS 'When transcoding last started; set by the trigger check_processing_transition.';

--
-- Name: COLUMN videos.ready_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.ready_at IS 'When the video last became ready; set by the trigger check_processing_transition.';

--
-- Name: COLUMN videos.failed_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.failed_at IS 'When processing last failed; set by the trigger check_processing_transition.';

--
-- Name: COLUMN videos.failure_reason; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.failure_reason IS 'Why processing last failed, as the transcoder reports it; required when failed.';

--
-- Name: COLUMN videos.created_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN videos.updated_at; Type: COMMENT; Schema: content; Owner: ilp_owner
--

COMMENT ON COLUMN content.videos.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: attempt_grades; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.attempt_grades (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    attempt_id uuid NOT NULL,
    score numeric(6,2) NOT NULL,
    previous_score numeric(6,2),
    feedback text,
    graded_by uuid NOT NULL,
    graded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_attempt_grades_feedback_length CHECK ((char_length(feedback) <= 5000)),
    CONSTRAINT check_attempt_grades_scores_not_negative CHECK (((score >= (0)::numeric) AND (previous_score >= (0)::numeric)))
);

ALTER TABLE ONLY learning.attempt_grades FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.attempt_grades OWNER TO ilp_owner;

--
-- Name: TABLE attempt_grades; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.attempt_grades IS 'Append-only record of every grade a teacher or admin gave an attempt, first grades and overrides alike: who, when, the score and the score it replaced. Written by learning.grade_attempt().';

--
-- Name: COLUMN attempt_grades.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.tenant_id IS 'The tenant of the attempt.';

--
-- Name: COLUMN attempt_grades.id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.id IS 'Grade id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN attempt_grades.attempt_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.attempt_id IS 'The attempt graded.';

--
-- Name: COLUMN attempt_grades.score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.score IS 'The score given, from 0 to the attempt''s max_score.';

--
-- Name: COLUMN attempt_grades.previous_score; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.previous_score IS 'The attempt''s score before this grade: null for a first grade of a free-text answer, set for an override.';

--
-- Name: COLUMN attempt_grades.feedback; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.feedback IS 'The feedback given with the grade, at most 5000 characters.';

--
-- Name: COLUMN attempt_grades.graded_by; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.graded_by IS 'The teacher or admin who gave the grade.';

--
-- Name: COLUMN attempt_grades.graded_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.attempt_grades.graded_at IS 'When the grade was given.';

--
-- Name: lesson_settings; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.lesson_settings (
    tenant_id uuid NOT NULL,
    lesson_id uuid NOT NULL,
    completion_threshold numeric(4,3) DEFAULT 0.9 NOT NULL,
    grade_policy learning.grade_policy DEFAULT 'highest'::learning.grade_policy NOT NULL,
    ordering_strategy learning.ordering_strategy DEFAULT 'pairwise'::learning.ordering_strategy NOT NULL,
    matching_strategy learning.matching_strategy DEFAULT 'per_pair'::learning.matching_strategy NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_lesson_settings_completion_threshold CHECK (((completion_threshold > (0)::numeric) AND (completion_threshold <= (1)::numeric)))
);

ALTER TABLE ONLY learning.lesson_settings FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.lesson_settings OWNER TO ilp_owner;

--
-- Name: TABLE lesson_settings; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.lesson_settings IS 'Completion and grading rules of one lesson. A lesson without a row uses the column defaults, which learning.effective_settings() applies.';

--
-- Name: COLUMN lesson_settings.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.tenant_id IS 'The tenant of the lesson.';

--
-- Name: COLUMN lesson_settings.lesson_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.lesson_id IS 'The lesson these rules apply to.';

--
-- Name: COLUMN lesson_settings.completion_threshold; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.completion_threshold IS 'Watched fraction, above 0 and at most 1, at which a video of the lesson counts as completed; learning.video_settings can override it per video. Default 0.9.';

--
-- Name: COLUMN lesson_settings.grade_policy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.grade_policy IS 'Which graded attempts give the current score of a question of the lesson; see the type learning.grade_policy. Changing it recomputes the stored current scores of the lesson.';

--
-- Name: COLUMN lesson_settings.ordering_strategy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.ordering_strategy IS 'How ordering questions of the lesson earn credit; see the type learning.ordering_strategy.';

--
-- Name: COLUMN lesson_settings.matching_strategy; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.matching_strategy IS 'How matching questions of the lesson earn credit; see the type learning.matching_strategy.';

--
-- Name: COLUMN lesson_settings.created_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN lesson_settings.updated_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.lesson_settings.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: playback_sessions; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.playback_sessions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    lesson_id uuid NOT NULL,
    device_id text NOT NULL,
    platform learning.playback_platform NOT NULL,
    user_agent text,
    playback_speed numeric(3,2) DEFAULT 1 NOT NULL,
    captions_language text,
    quality text,
    volume numeric(3,2) DEFAULT 1 NOT NULL,
    full_screen boolean DEFAULT false NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    ended_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_playback_sessions_captions_language_format CHECK (app.is_valid_locale_tag(captions_language)),
    CONSTRAINT check_playback_sessions_device_id_format CHECK ((device_id ~ '^[A-Za-z0-9._:-]{1,128}$'::text)),
    CONSTRAINT check_playback_sessions_ended_after_start CHECK ((ended_at >= started_at)),
    CONSTRAINT check_playback_sessions_last_seen_after_start CHECK ((last_seen_at >= started_at)),
    CONSTRAINT check_playback_sessions_playback_speed CHECK (((playback_speed >= 0.25) AND (playback_speed <= (4)::numeric))),
    CONSTRAINT check_playback_sessions_quality_format CHECK ((quality ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'::text)),
    CONSTRAINT check_playback_sessions_user_agent_length CHECK ((char_length(user_agent) <= 1000)),
    CONSTRAINT check_playback_sessions_volume CHECK (((volume >= (0)::numeric) AND (volume <= (1)::numeric)))
)
WITH (fillfactor='80');

ALTER TABLE ONLY learning.playback_sessions FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.playback_sessions OWNER TO ilp_owner;

--
-- Name: TABLE playback_sessions; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.playback_sessions IS 'One device playing one video for one student, from start to end, with the playback settings of the xAPI video profile worth keeping. Started by learning.start_playback_session(); progress events name their session.';

--
-- Name: COLUMN playback_sessions.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.tenant_id IS 'The tenant of the student and the video.';

--
-- Name: COLUMN playback_sessions.id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.id IS 'Session id (UUID version 7, or generated by the client); the key is (tenant_id, id).';

--
-- Name: COLUMN playback_sessions.user_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.user_id IS 'The student watching.';

--
-- Name: COLUMN playback_sessions.video_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.video_id IS 'The video played.';

--
-- Name: COLUMN playback_sessions.lesson_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.lesson_id IS 'The lesson of the video, copied so that policies and lookups need no join; the foreign key to content.videos keeps it equal to the video''s lesson.';

--
-- Name: COLUMN playback_sessions.device_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.device_id IS 'Identifier of the device chosen by the client, stable across sessions of one installation or browser: 1 to 128 letters, digits, dots, colons, underscores or hyphens.';

--
-- Name: COLUMN playback_sessions.platform; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.platform IS 'Kind of client; see the type learning.playback_platform.';

--
-- Name: COLUMN playback_sessions.user_agent; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.user_agent IS 'The client''s User-Agent string, at most 1000 characters; null when unknown.';

--
-- Name: COLUMN playback_sessions.playback_speed; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.playback_speed IS 'Playback speed factor (xAPI video profile "speed"), from 0.25 to 4; 1 is normal speed.';

--
-- Name: COLUMN playback_sessions.captions_language; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.captions_language IS 'Language of the captions shown, as a locale tag such as en or fr-FR (xAPI video profile "cc-subtitle-lang"); null while captions are off.';

--
-- Name: COLUMN playback_sessions.quality; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.quality IS 'Rendition profile being played, such as 720p-h264 (xAPI video profile "quality"); null for automatic selection.';

--
-- Name: COLUMN playback_sessions.volume; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.volume IS 'Player volume from 0 (muted) to 1 (xAPI video profile "volume").';

--
-- Name: COLUMN playback_sessions.full_screen; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.full_screen IS 'Whether the player is in full screen (xAPI video profile "full-screen").';

--
-- Name: COLUMN playback_sessions.started_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.started_at IS 'When the session started, by the server''s clock.';

--
-- Name: COLUMN playback_sessions.last_seen_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.last_seen_at IS 'When the server last received progress events of the session, by its own clock.';

--
-- Name: COLUMN playback_sessions.ended_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.ended_at IS 'When the session ended; null while it is open. Events of an ended session are still accepted, because an offline client sends them late.';

--
-- Name: COLUMN playback_sessions.created_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN playback_sessions.updated_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.playback_sessions.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: progress_events; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.progress_events (
    tenant_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    session_id uuid NOT NULL,
    verb learning.progress_verb NOT NULL,
    position_ms integer NOT NULL,
    seek_from_ms integer,
    watched_from_ms integer,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_progress_events_position_not_negative CHECK ((position_ms >= 0)),
    CONSTRAINT check_progress_events_seek_from_only_for_seeks CHECK ((((verb = 'seeked'::learning.progress_verb) = (seek_from_ms IS NOT NULL)) AND (seek_from_ms >= 0))),
    CONSTRAINT check_progress_events_watched_from CHECK ((((verb <> 'played'::learning.progress_verb) OR (watched_from_ms IS NULL)) AND (watched_from_ms >= 0) AND (watched_from_ms <= COALESCE(seek_from_ms, position_ms))))
)
PARTITION BY RANGE (occurred_at);

ALTER TABLE ONLY learning.progress_events FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.progress_events OWNER TO ilp_owner;

--
-- Name: TABLE progress_events; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.progress_events IS 'Append-only log of player events, range-partitioned by UTC month of occurred_at into partitions named progress_events_YYYY_MM, with no default partition; ops.run_maintenance() creates partitions ahead. Written only by learning.record_progress_event() and learning.record_progress_events(); updates are rejected (IL319).';

--
-- Name: COLUMN progress_events.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.tenant_id IS 'The tenant of the student.';

--
-- Name: COLUMN progress_events.occurred_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.occurred_at IS 'When the event happened, by the client''s clock; the partition key. A retried event carries the same value.';

--
-- Name: COLUMN progress_events.event_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.event_id IS 'Id generated by the client (a UUID, ideally version 7). An event sent again with the same event_id and occurred_at is stored once.';

--
-- Name: COLUMN progress_events.user_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.user_id IS 'The student who watched.';

--
-- Name: COLUMN progress_events.video_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.video_id IS 'The video of the session.';

--
-- Name: COLUMN progress_events.session_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.session_id IS 'The playback session that sent the event.';

--
-- Name: COLUMN progress_events.verb; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.verb IS 'What happened; see the type learning.progress_verb.';

--
-- Name: COLUMN progress_events.position_ms; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.position_ms IS 'Playhead position in milliseconds when the event happened; for seeked, the position after the seek.';

--
-- Name: COLUMN progress_events.seek_from_ms; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.seek_from_ms IS 'For seeked events only: the playhead position in milliseconds before the seek.';

--
-- Name: COLUMN progress_events.watched_from_ms; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.watched_from_ms IS 'Position in milliseconds where the uninterrupted playback that this event ends began, so the student watched [watched_from_ms, end), where end is seek_from_ms for a seek and position_ms otherwise; null when the event ends no playback (always for played).';

--
-- Name: COLUMN progress_events.received_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.progress_events.received_at IS 'When the server stored the event, by its own clock.';

--
-- Name: progress_events_2026_11; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.progress_events_2026_11 (
    tenant_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    session_id uuid NOT NULL,
    verb learning.progress_verb NOT NULL,
    position_ms integer NOT NULL,
    seek_from_ms integer,
    watched_from_ms integer,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_progress_events_position_not_negative CHECK ((position_ms >= 0)),
    CONSTRAINT check_progress_events_seek_from_only_for_seeks CHECK ((((verb = 'seeked'::learning.progress_verb) = (seek_from_ms IS NOT NULL)) AND (seek_from_ms >= 0))),
    CONSTRAINT check_progress_events_watched_from CHECK ((((verb <> 'played'::learning.progress_verb) OR (watched_from_ms IS NULL)) AND (watched_from_ms >= 0) AND (watched_from_ms <= COALESCE(seek_from_ms, position_ms))))
);

ALTER TABLE learning.progress_events_2026_11 OWNER TO ilp_owner;

--
-- Name: progress_events_2026_12; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.progress_events_2026_12 (
    tenant_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    session_id uuid NOT NULL,
    verb learning.progress_verb NOT NULL,
    position_ms integer NOT NULL,
    seek_from_ms integer,
    watched_from_ms integer,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_progress_events_position_not_negative CHECK ((position_ms >= 0)),
    CONSTRAINT check_progress_events_seek_from_only_for_seeks CHECK ((((verb = 'seeked'::learning.progress_verb) = (seek_from_ms IS NOT NULL)) AND (seek_from_ms >= 0))),
    CONSTRAINT check_progress_events_watched_from CHECK ((((verb <> 'played'::learning.progress_verb) OR (watched_from_ms IS NULL)) AND (watched_from_ms >= 0) AND (watched_from_ms <= COALESCE(seek_from_ms, position_ms))))
);

ALTER TABLE learning.progress_events_2026_12 OWNER TO ilp_owner;

--
-- Name: progress_events_2027_01; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.progress_events_2027_01 (
    tenant_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    session_id uuid NOT NULL,
    verb learning.progress_verb NOT NULL,
    position_ms integer NOT NULL,
    seek_from_ms integer,
    watched_from_ms integer,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_progress_events_position_not_negative CHECK ((position_ms >= 0)),
    CONSTRAINT check_progress_events_seek_from_only_for_seeks CHECK ((((verb = 'seeked'::learning.progress_verb) = (seek_from_ms IS NOT NULL)) AND (seek_from_ms >= 0))),
    CONSTRAINT check_progress_events_watched_from CHECK ((((verb <> 'played'::learning.progress_verb) OR (watched_from_ms IS NULL)) AND (watched_from_ms >= 0) AND (watched_from_ms <= COALESCE(seek_from_ms, position_ms))))
);

ALTER TABLE learning.progress_events_2027_01 OWNER TO ilp_owner;

--
-- Name: progress_events_2027_02; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.progress_events_2027_02 (
    tenant_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    session_id uuid NOT NULL,
    verb learning.progress_verb NOT NULL,
    position_ms integer NOT NULL,
    seek_from_ms integer,
    watched_from_ms integer,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_progress_events_position_not_negative CHECK ((position_ms >= 0)),
    CONSTRAINT check_progress_events_seek_from_only_for_seeks CHECK ((((verb = 'seeked'::learning.progress_verb) = (seek_from_ms IS NOT NULL)) AND (seek_from_ms >= 0))),
    CONSTRAINT check_progress_events_watched_from CHECK ((((verb <> 'played'::learning.progress_verb) OR (watched_from_ms IS NULL)) AND (watched_from_ms >= 0) AND (watched_from_ms <= COALESCE(seek_from_ms, position_ms))))
);

ALTER TABLE learning.progress_events_2027_02 OWNER TO ilp_owner;

--
-- Name: video_progress; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.video_progress (
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    video_id uuid NOT NULL,
    lesson_id uuid NOT NULL,
    last_position_ms integer NOT NULL,
    last_event_at timestamp with time zone NOT NULL,
    last_event_id uuid NOT NULL,
    last_session_id uuid NOT NULL,
    last_device_id text NOT NULL,
    furthest_position_ms integer NOT NULL,
    watched_segments int4multirange DEFAULT '{}'::int4multirange NOT NULL,
    watched_ms integer DEFAULT 0 NOT NULL,
    watched_fraction numeric(5,4) DEFAULT 0 NOT NULL,
    completion_threshold numeric(4,3) NOT NULL,
    completed_at timestamp with time zone,
    first_event_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_video_progress_completion_threshold CHECK (((completion_threshold > (0)::numeric) AND (completion_threshold <= (1)::numeric))),
    CONSTRAINT check_video_progress_positions_not_negative CHECK (((last_position_ms >= 0) AND (furthest_position_ms >= last_position_ms))),
    CONSTRAINT check_video_progress_segments_start_at_zero CHECK ((isempty(watched_segments) OR (lower(watched_segments) >= 0))),
    CONSTRAINT check_video_progress_watched_fraction CHECK (((watched_fraction >= (0)::numeric) AND (watched_fraction <= (1)::numeric))),
    CONSTRAINT check_video_progress_watched_ms CHECK ((watched_ms >= 0))
)
WITH (fillfactor='80');

ALTER TABLE ONLY learning.video_progress FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.video_progress OWNER TO ilp_owner;

--
-- Name: TABLE video_progress; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.video_progress IS 'Current progress of one student on one video, folded from learning.progress_events by the ingest functions: resume point, furthest position, exact watched coverage and completion.';

--
-- Name: COLUMN video_progress.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.tenant_id IS 'The tenant of the student.';

--
-- Name: COLUMN video_progress.user_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.user_id IS 'The student.';

--
-- Name: COLUMN video_progress.video_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.video_id IS 'The video.';

--
-- Name: COLUMN video_progress.lesson_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.lesson_id IS 'The lesson of the video, copied so that policies and per-lesson reports need no join.';

--
-- Name: COLUMN video_progress.last_position_ms; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.last_position_ms IS 'Resume point: position_ms of the latest event by (occurred_at, event_id), at most the video''s duration. An event that is older by that order, such as one from a stale device, never moves it.';

--
-- Name: COLUMN video_progress.last_event_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.last_event_at IS 'occurred_at of the event that set the resume point (client clock).';

--
-- Name: COLUMN video_progress.last_event_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.last_event_id IS 'event_id of the event that set the resume point; breaks ties between equal occurred_at.';

--
-- Name: COLUMN video_progress.last_session_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.last_session_id IS 'The playback session of the event that set the resume point.';

--
-- Name: COLUMN video_progress.last_device_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.last_device_id IS 'The device of that session (checked there): where the student last watched.';

--
-- Name: COLUMN video_progress.furthest_position_ms; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.furthest_position_ms IS 'Greatest playhead position reported by any event, seeks included, at most the video''s duration; it never decreases.';

--
-- Name: COLUMN video_progress.watched_segments; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.watched_segments IS 'Every part of the video watched at least once, as merged half-open ranges of milliseconds within [0, duration); it only grows.';

--
-- Name: COLUMN video_progress.watched_ms; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.watched_ms IS 'Total length of watched_segments in milliseconds.';

--
-- Name: COLUMN video_progress.watched_fraction; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.watched_fraction IS 'watched_ms divided by the video''s duration when last updated, from 0 to 1.';

--
-- Name: COLUMN video_progress.completion_threshold; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.completion_threshold IS 'The threshold that applied when the row was last updated (see learning.effective_settings).';

--
-- Name: COLUMN video_progress.completed_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.completed_at IS 'occurred_at of the latest event of the call that brought watched_fraction to the threshold; null until then, and never cleared.';

--
-- Name: COLUMN video_progress.first_event_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.first_event_at IS 'occurred_at of the earliest event folded into the row.';

--
-- Name: COLUMN video_progress.created_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN video_progress.updated_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_progress.updated_at IS 'When the row last changed; set by the ingest functions, the only writers.';

--
-- Name: video_settings; Type: TABLE; Schema: learning; Owner: ilp_owner
--

CREATE TABLE learning.video_settings (
    tenant_id uuid NOT NULL,
    video_id uuid NOT NULL,
    lesson_id uuid NOT NULL,
    completion_threshold numeric(4,3) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_video_settings_completion_threshold CHECK (((completion_threshold > (0)::numeric) AND (completion_threshold <= (1)::numeric)))
);

ALTER TABLE ONLY learning.video_settings FORCE ROW LEVEL SECURITY;

ALTER TABLE learning.video_settings OWNER TO ilp_owner;

--
-- Name: TABLE video_settings; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON TABLE learning.video_settings IS 'Per-video override of the completion threshold of its lesson.';

--
-- Name: COLUMN video_settings.tenant_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_settings.tenant_id IS 'The tenant of the video.';

--
-- Name: COLUMN video_settings.video_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_settings.video_id IS 'The video this threshold applies to.';

--
-- Name: COLUMN video_settings.lesson_id; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_settings.lesson_id IS 'The lesson of the video, copied so that the policies need no join; the foreign key to content.videos keeps it equal to the video''s lesson.';

--
-- Name: COLUMN video_settings.completion_threshold; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_settings.completion_threshold IS 'Watched fraction, above 0 and at most 1, at which the video counts as completed.';

--
-- Name: COLUMN video_settings.created_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_settings.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN video_settings.updated_at; Type: COMMENT; Schema: learning; Owner: ilp_owner
--

COMMENT ON COLUMN learning.video_settings.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: class_teachers; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.class_teachers (
    tenant_id uuid NOT NULL,
    class_id uuid NOT NULL,
    user_id uuid NOT NULL,
    assigned_at timestamp with time zone DEFAULT now() NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT check_class_teachers_ended_after_assigned CHECK ((ended_at >= assigned_at))
);

ALTER TABLE ONLY tenancy.class_teachers FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.class_teachers OWNER TO ilp_owner;

--
-- Name: TABLE class_teachers; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.class_teachers IS 'Who teaches which class, and when. A row is current until ended_at (null: open-ended); when it becomes current, its member must be active with role teacher or admin (errors IL101 to IL103).';

--
-- Name: COLUMN class_teachers.tenant_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.class_teachers.tenant_id IS 'The tenant of the class and of the teacher''s membership.';

--
-- Name: COLUMN class_teachers.class_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.class_teachers.class_id IS 'The class taught.';

--
-- Name: COLUMN class_teachers.user_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.class_teachers.user_id IS 'The teacher: a member of the same tenant.';

--
-- Name: COLUMN class_teachers.assigned_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.class_teachers.assigned_at IS 'Start of the teaching period.';

--
-- Name: COLUMN class_teachers.ended_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.class_teachers.ended_at IS 'End of the teaching period (exclusive); null while no end is set.';

--
-- Name: classes; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.classes (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    name text NOT NULL,
    code public.citext,
    archived_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_classes_code_format CHECK (((code)::text ~ '^[A-Za-z0-9]([A-Za-z0-9._-]{0,30}[A-Za-z0-9])?$'::text)),
    CONSTRAINT check_classes_name_length CHECK (((name ~ '[^[:space:]]'::text) AND (char_length(name) <= 200)))
);

ALTER TABLE ONLY tenancy.classes FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.classes OWNER TO ilp_owner;

--
-- Name: TABLE classes; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.classes IS 'A class (group of students) of a tenant. Archived classes keep their rows and history.';

--
-- Name: COLUMN classes.tenant_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.tenant_id IS 'The tenant the class belongs to.';

--
-- Name: COLUMN classes.id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.id IS 'Class id (UUID version 7); the key is (tenant_id, id).';

--
-- Name: COLUMN classes.name; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.name IS 'Display name such as "6e B - Mathematics": not blank, at most 200 characters.';

--
-- Name: COLUMN classes.code; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.code IS 'Optional short code such as 6B or MATH-101 (1 to 32 letters, digits, dots, hyphens or underscores, starting and ending with a letter or digit), unique per tenant ignoring case.';

--
-- Name: COLUMN classes.archived_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.archived_at IS 'When the class was archived; null while it is in use.';

--
-- Name: COLUMN classes.created_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN classes.updated_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.classes.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: enrollments; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.enrollments (
    tenant_id uuid NOT NULL,
    class_id uuid NOT NULL,
    user_id uuid NOT NULL,
    enrolled_at timestamp with time zone DEFAULT now() NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT check_enrollments_ended_after_enrolled CHECK ((ended_at >= enrolled_at))
);

ALTER TABLE ONLY tenancy.enrollments FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.enrollments OWNER TO ilp_owner;

--
-- Name: TABLE enrollments; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.enrollments IS 'Which student attends which class, and when. A row is current until ended_at (null: open-ended); when it becomes current, its member must be active with role student (IL101-IL103).';

--
-- Name: COLUMN enrollments.tenant_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.enrollments.tenant_id IS 'The tenant of the class and of the student''s membership.';

--
-- Name: COLUMN enrollments.class_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.enrollments.class_id IS 'The class attended.';

--
-- Name: COLUMN enrollments.user_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.enrollments.user_id IS 'The student: a member of the same tenant.';

--
-- Name: COLUMN enrollments.enrolled_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.enrollments.enrolled_at IS 'Start of the enrollment period.';

--
-- Name: COLUMN enrollments.ended_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.enrollments.ended_at IS 'End of the enrollment period (exclusive); null while no end is set.';

--
-- Name: memberships; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.memberships (
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role tenancy.member_role NOT NULL,
    status tenancy.membership_status DEFAULT 'active'::tenancy.membership_status NOT NULL,
    joined_at timestamp with time zone DEFAULT now() NOT NULL,
    left_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_memberships_left_after_joined CHECK ((left_at >= joined_at)),
    CONSTRAINT check_memberships_left_at_matches_status CHECK (((status = 'left'::tenancy.membership_status) = (left_at IS NOT NULL)))
);

ALTER TABLE ONLY tenancy.memberships FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.memberships OWNER TO ilp_owner;

--
-- Name: TABLE memberships; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.memberships IS 'Membership of a user in a tenant, one row per pair. A member who leaves keeps the row (status left), so their history in the tenant stays attached; rejoining reactivates the same row.';

--
-- Name: COLUMN memberships.tenant_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.tenant_id IS 'The tenant the user belongs to.';

--
-- Name: COLUMN memberships.user_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.user_id IS 'The member.';

--
-- Name: COLUMN memberships.role; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.role IS 'Role in this tenant. Cannot change to a role that the member''s current class_teachers or enrollments rows do not accept (error IL104).';

--
-- Name: COLUMN memberships.status; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.status IS 'State of the membership. Changing it to left requires that no current class_teachers or enrollments rows remain (error IL104).';

--
-- Name: COLUMN memberships.joined_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.joined_at IS 'When the user joined, or last rejoined, the tenant.';

--
-- Name: COLUMN memberships.left_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.left_at IS 'When the user left the tenant; set exactly when status is left, and not before joined_at.';

--
-- Name: COLUMN memberships.created_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN memberships.updated_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.memberships.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: tenants; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.tenants (
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    slug public.citext NOT NULL,
    name text NOT NULL,
    status tenancy.tenant_status DEFAULT 'active'::tenancy.tenant_status NOT NULL,
    settings jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_tenants_name_length CHECK (((name ~ '[^[:space:]]'::text) AND (char_length(name) <= 200))),
    CONSTRAINT check_tenants_settings_shape CHECK (tenancy.is_valid_tenant_settings(settings)),
    CONSTRAINT check_tenants_slug_format CHECK (((slug)::text ~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$'::text))
);

ALTER TABLE ONLY tenancy.tenants FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.tenants OWNER TO ilp_owner;

--
-- Name: TABLE tenants; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.tenants IS 'Schools using the platform. Every tenant-owned row carries the id of one of these.';

--
-- Name: COLUMN tenants.id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.id IS 'Tenant id (UUID version 7).';

--
-- Name: COLUMN tenants.slug; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.slug IS 'Short name in URLs: 3 to 63 lowercase letters, digits and inner hyphens; unique ignoring case.';

--
-- Name: COLUMN tenants.name; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.name IS 'Display name of the school: not blank, at most 200 characters.';

--
-- Name: COLUMN tenants.status; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.status IS 'Lifecycle status; see the type tenancy.tenant_status.';

--
-- Name: COLUMN tenants.settings; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.settings IS 'Tenant settings, all keys optional: {"default_locale": "fr-FR", "timezone": "Europe/Paris", "features": {"<snake_case_name>": true}}. Unknown keys and wrong types are rejected.';

--
-- Name: COLUMN tenants.created_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN tenants.updated_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.tenants.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: user_profiles; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.user_profiles (
    user_id uuid NOT NULL,
    full_name text NOT NULL,
    email public.citext NOT NULL,
    locale text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT check_user_profiles_email_format CHECK (app.is_valid_email((email)::text)),
    CONSTRAINT check_user_profiles_full_name_length CHECK (((full_name ~ '[^[:space:]]'::text) AND (char_length(full_name) <= 200))),
    CONSTRAINT check_user_profiles_locale_format CHECK (app.is_valid_locale_tag(locale))
);

ALTER TABLE ONLY tenancy.user_profiles FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.user_profiles OWNER TO ilp_owner;

--
-- Name: TABLE user_profiles; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.user_profiles IS 'Personal data of a user, one row per user, kept apart from tenancy.users so that erasure under the GDPR deletes this row and leaves the identity and its history in place.';

--
-- Name: COLUMN user_profiles.user_id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.user_profiles.user_id IS 'The user this profile describes.';

--
-- Name: COLUMN user_profiles.full_name; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.user_profiles.full_name IS 'Name shown to teachers and classmates: not blank, at most 200 characters.';

--
-- Name: COLUMN user_profiles.email; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.user_profiles.email IS 'E-mail address, unique ignoring case; checked by app.is_valid_email (a pragmatic pattern).';

--
-- Name: COLUMN user_profiles.locale; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.user_profiles.locale IS 'Preferred locale tag such as fr-FR; null means the default_locale of the tenant being used.';

--
-- Name: COLUMN user_profiles.created_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.user_profiles.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN user_profiles.updated_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.user_profiles.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: users; Type: TABLE; Schema: tenancy; Owner: ilp_owner
--

CREATE TABLE tenancy.users (
    id uuid DEFAULT app.uuid_v7() NOT NULL,
    status tenancy.user_status DEFAULT 'active'::tenancy.user_status NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY tenancy.users FORCE ROW LEVEL SECURITY;

ALTER TABLE tenancy.users OWNER TO ilp_owner;

--
-- Name: TABLE users; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON TABLE tenancy.users IS 'Global identity of a person on the platform, across tenants. Holds no personal data: names and e-mail addresses are in tenancy.user_profiles.';

--
-- Name: COLUMN users.id; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.users.id IS 'User id (UUID version 7), the same in every tenant the person belongs to.';

--
-- Name: COLUMN users.status; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.users.status IS 'Platform-wide account status; see the type tenancy.user_status.';

--
-- Name: COLUMN users.created_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.users.created_at IS 'When the row was inserted.';

--
-- Name: COLUMN users.updated_at; Type: COMMENT; Schema: tenancy; Owner: ilp_owner
--

COMMENT ON COLUMN tenancy.users.updated_at IS 'When the row last changed; set by the trigger set_updated_at.';

--
-- Name: progress_events_2026_11; Type: TABLE ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events ATTACH PARTITION learning.progress_events_2026_11 FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');

--
-- Name: progress_events_2026_12; Type: TABLE ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events ATTACH PARTITION learning.progress_events_2026_12 FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');

--
-- Name: progress_events_2027_01; Type: TABLE ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events ATTACH PARTITION learning.progress_events_2027_01 FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2027-02-01 00:00:00+00');

--
-- Name: progress_events_2027_02; Type: TABLE ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events ATTACH PARTITION learning.progress_events_2027_02 FOR VALUES FROM ('2027-02-01 00:00:00+00') TO ('2027-03-01 00:00:00+00');

--
-- Name: generation_jobs pk_generation_jobs; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.generation_jobs
    ADD CONSTRAINT pk_generation_jobs PRIMARY KEY (tenant_id, id);

--
-- Name: lesson_assignments pk_lesson_assignments; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lesson_assignments
    ADD CONSTRAINT pk_lesson_assignments PRIMARY KEY (tenant_id, lesson_id, class_id);

--
-- Name: lessons pk_lessons; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lessons
    ADD CONSTRAINT pk_lessons PRIMARY KEY (tenant_id, id);

--
-- Name: milestones pk_milestones; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.milestones
    ADD CONSTRAINT pk_milestones PRIMARY KEY (tenant_id, id);

--
-- Name: question_answer_keys pk_question_answer_keys; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_answer_keys
    ADD CONSTRAINT pk_question_answer_keys PRIMARY KEY (tenant_id, question_id, version);

--
-- Name: question_transitions pk_question_transitions; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_transitions
    ADD CONSTRAINT pk_question_transitions PRIMARY KEY (tenant_id, id);

--
-- Name: question_versions pk_question_versions; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_versions
    ADD CONSTRAINT pk_question_versions PRIMARY KEY (tenant_id, question_id, version);

--
-- Name: questions pk_questions; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.questions
    ADD CONSTRAINT pk_questions PRIMARY KEY (tenant_id, id);

--
-- Name: storage_objects pk_storage_objects; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.storage_objects
    ADD CONSTRAINT pk_storage_objects PRIMARY KEY (tenant_id, id);

--
-- Name: video_groups pk_video_groups; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_groups
    ADD CONSTRAINT pk_video_groups PRIMARY KEY (tenant_id, id);

--
-- Name: video_renditions pk_video_renditions; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_renditions
    ADD CONSTRAINT pk_video_renditions PRIMARY KEY (tenant_id, id);

--
-- Name: video_text_tracks pk_video_text_tracks; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_text_tracks
    ADD CONSTRAINT pk_video_text_tracks PRIMARY KEY (tenant_id, id);

--
-- Name: videos pk_videos; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT pk_videos PRIMARY KEY (tenant_id, id);

--
-- Name: milestones unique_milestones_lesson_id_id_kind; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.milestones
    ADD CONSTRAINT unique_milestones_lesson_id_id_kind UNIQUE (tenant_id, lesson_id, id, kind);

--
-- Name: milestones unique_milestones_video_id_position_ms_sort_order; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.milestones
    ADD CONSTRAINT unique_milestones_video_id_position_ms_sort_order UNIQUE (tenant_id, video_id, position_ms, sort_order) DEFERRABLE;

--
-- Name: questions unique_questions_milestone_id_position; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.questions
    ADD CONSTRAINT unique_questions_milestone_id_position UNIQUE (tenant_id, milestone_id, "position") DEFERRABLE;

--
-- Name: storage_objects unique_storage_objects_id_kind; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.storage_objects
    ADD CONSTRAINT unique_storage_objects_id_kind UNIQUE (tenant_id, id, kind);

--
-- Name: storage_objects unique_storage_objects_reference; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.storage_objects
    ADD CONSTRAINT unique_storage_objects_reference UNIQUE (tenant_id, bucket, object_name, generation);

--
-- Name: video_groups unique_video_groups_lesson_id_id; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_groups
    ADD CONSTRAINT unique_video_groups_lesson_id_id UNIQUE (tenant_id, lesson_id, id);

--
-- Name: video_groups unique_video_groups_lesson_id_position; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_groups
    ADD CONSTRAINT unique_video_groups_lesson_id_position UNIQUE (tenant_id, lesson_id, "position") DEFERRABLE;

--
-- Name: video_renditions unique_video_renditions_storage_object_id; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_renditions
    ADD CONSTRAINT unique_video_renditions_storage_object_id UNIQUE (tenant_id, storage_object_id, storage_object_kind);

--
-- Name: video_renditions unique_video_renditions_video_id_profile; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_renditions
    ADD CONSTRAINT unique_video_renditions_video_id_profile UNIQUE (tenant_id, video_id, profile);

--
-- Name: video_text_tracks unique_video_text_tracks_storage_object_id; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_text_tracks
    ADD CONSTRAINT unique_video_text_tracks_storage_object_id UNIQUE (tenant_id, storage_object_id, storage_object_kind);

--
-- Name: video_text_tracks unique_video_text_tracks_video_id_kind_language; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_text_tracks
    ADD CONSTRAINT unique_video_text_tracks_video_id_kind_language UNIQUE (tenant_id, video_id, kind, language);

--
-- Name: videos unique_videos_lesson_id_id; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT unique_videos_lesson_id_id UNIQUE (tenant_id, lesson_id, id);

--
-- Name: videos unique_videos_lesson_id_video_group_id_position; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT unique_videos_lesson_id_video_group_id_position UNIQUE (tenant_id, lesson_id, video_group_id, "position") DEFERRABLE;

--
-- Name: videos unique_videos_storage_object_id; Type: CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT unique_videos_storage_object_id UNIQUE (tenant_id, storage_object_id, storage_object_kind);

--
-- Name: attempt_grades pk_attempt_grades; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.attempt_grades
    ADD CONSTRAINT pk_attempt_grades PRIMARY KEY (tenant_id, id);

--
-- Name: lesson_settings pk_lesson_settings; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.lesson_settings
    ADD CONSTRAINT pk_lesson_settings PRIMARY KEY (tenant_id, lesson_id);

--
-- Name: playback_sessions pk_playback_sessions; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.playback_sessions
    ADD CONSTRAINT pk_playback_sessions PRIMARY KEY (tenant_id, id);

--
-- Name: progress_events pk_progress_events; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events
    ADD CONSTRAINT pk_progress_events PRIMARY KEY (tenant_id, occurred_at, event_id);

--
-- Name: question_attempts pk_question_attempts; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_attempts
    ADD CONSTRAINT pk_question_attempts PRIMARY KEY (tenant_id, id);

--
-- Name: question_results pk_question_results; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_results
    ADD CONSTRAINT pk_question_results PRIMARY KEY (tenant_id, user_id, question_id, question_version);

--
-- Name: video_progress pk_video_progress; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_progress
    ADD CONSTRAINT pk_video_progress PRIMARY KEY (tenant_id, user_id, video_id);

--
-- Name: video_settings pk_video_settings; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_settings
    ADD CONSTRAINT pk_video_settings PRIMARY KEY (tenant_id, video_id);

--
-- Name: progress_events_2026_11 progress_events_2026_11_pkey; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events_2026_11
    ADD CONSTRAINT progress_events_2026_11_pkey PRIMARY KEY (tenant_id, occurred_at, event_id);

--
-- Name: progress_events_2026_12 progress_events_2026_12_pkey; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events_2026_12
    ADD CONSTRAINT progress_events_2026_12_pkey PRIMARY KEY (tenant_id, occurred_at, event_id);

--
-- Name: progress_events_2027_01 progress_events_2027_01_pkey; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events_2027_01
    ADD CONSTRAINT progress_events_2027_01_pkey PRIMARY KEY (tenant_id, occurred_at, event_id);

--
-- Name: progress_events_2027_02 progress_events_2027_02_pkey; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.progress_events_2027_02
    ADD CONSTRAINT progress_events_2027_02_pkey PRIMARY KEY (tenant_id, occurred_at, event_id);

--
-- Name: question_attempts unique_question_attempts_user_id_version_attempt_number; Type: CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_attempts
    ADD CONSTRAINT unique_question_attempts_user_id_version_attempt_number UNIQUE (tenant_id, user_id, question_id, question_version, attempt_number);

--
-- Name: class_teachers excl_class_teachers_overlapping_periods; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.class_teachers
    ADD CONSTRAINT excl_class_teachers_overlapping_periods EXCLUDE USING gist (tenant_id WITH =, class_id WITH =, user_id WITH =, tstzrange(assigned_at, ended_at) WITH &&);

--
-- Name: enrollments excl_enrollments_overlapping_periods; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.enrollments
    ADD CONSTRAINT excl_enrollments_overlapping_periods EXCLUDE USING gist (tenant_id WITH =, class_id WITH =, user_id WITH =, tstzrange(enrolled_at, ended_at) WITH &&);

--
-- Name: class_teachers pk_class_teachers; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.class_teachers
    ADD CONSTRAINT pk_class_teachers PRIMARY KEY (tenant_id, class_id, user_id, assigned_at);

--
-- Name: classes pk_classes; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.classes
    ADD CONSTRAINT pk_classes PRIMARY KEY (tenant_id, id);

--
-- Name: enrollments pk_enrollments; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.enrollments
    ADD CONSTRAINT pk_enrollments PRIMARY KEY (tenant_id, class_id, user_id, enrolled_at);

--
-- Name: memberships pk_memberships; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.memberships
    ADD CONSTRAINT pk_memberships PRIMARY KEY (tenant_id, user_id);

--
-- Name: tenants pk_tenants; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.tenants
    ADD CONSTRAINT pk_tenants PRIMARY KEY (id);

--
-- Name: user_profiles pk_user_profiles; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.user_profiles
    ADD CONSTRAINT pk_user_profiles PRIMARY KEY (user_id);

--
-- Name: users pk_users; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.users
    ADD CONSTRAINT pk_users PRIMARY KEY (id);

--
-- Name: classes unique_classes_tenant_id_code; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.classes
    ADD CONSTRAINT unique_classes_tenant_id_code UNIQUE (tenant_id, code);

--
-- Name: tenants unique_tenants_slug; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.tenants
    ADD CONSTRAINT unique_tenants_slug UNIQUE (slug);

--
-- Name: user_profiles unique_user_profiles_email; Type: CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.user_profiles
    ADD CONSTRAINT unique_user_profiles_email UNIQUE (email);

--
-- Name: index_generation_jobs_on_tenant_id_and_requested_by; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_generation_jobs_on_tenant_id_and_requested_by ON content.generation_jobs USING btree (tenant_id, requested_by);

--
-- Name: index_generation_jobs_on_tenant_id_and_video_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_generation_jobs_on_tenant_id_and_video_id ON content.generation_jobs USING btree (tenant_id, video_id);

--
-- Name: index_lesson_assignments_on_tenant_id_and_assigned_by; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_lesson_assignments_on_tenant_id_and_assigned_by ON content.lesson_assignments USING btree (tenant_id, assigned_by);

--
-- Name: index_lesson_assignments_on_tenant_id_and_class_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_lesson_assignments_on_tenant_id_and_class_id ON content.lesson_assignments USING btree (tenant_id, class_id);

--
-- Name: index_lessons_on_search_vector; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_lessons_on_search_vector ON content.lessons USING gin (search_vector);

--
-- Name: index_lessons_on_tenant_id_and_author_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_lessons_on_tenant_id_and_author_id ON content.lessons USING btree (tenant_id, author_id);

--
-- Name: index_lessons_on_title_trigram; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_lessons_on_title_trigram ON content.lessons USING gin (title public.gin_trgm_ops);

--
-- Name: index_milestones_on_tenant_id_and_lesson_id_and_video_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_milestones_on_tenant_id_and_lesson_id_and_video_id ON content.milestones USING btree (tenant_id, lesson_id, video_id);

--
-- Name: index_question_transitions_on_question_version; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_question_transitions_on_question_version ON content.question_transitions USING btree (tenant_id, question_id, version, created_at);

--
-- Name: index_question_transitions_on_tenant_id_and_actor_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_question_transitions_on_tenant_id_and_actor_id ON content.question_transitions USING btree (tenant_id, actor_id);

--
-- Name: index_question_versions_on_question_id_when_approved; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE UNIQUE INDEX index_question_versions_on_question_id_when_approved ON content.question_versions USING btree (tenant_id, question_id) WHERE (status = 'approved'::content.question_status);

--
-- Name: index_question_versions_on_question_id_when_open; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE UNIQUE INDEX index_question_versions_on_question_id_when_open ON content.question_versions USING btree (tenant_id, question_id) WHERE (status = ANY (ARRAY['draft'::content.question_status, 'in_review'::content.question_status]));

--
-- Name: index_question_versions_on_status_changed_at_when_in_review; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_question_versions_on_status_changed_at_when_in_review ON content.question_versions USING btree (tenant_id, status_changed_at) WHERE (status = 'in_review'::content.question_status);

--
-- Name: index_question_versions_on_tenant_id_and_created_by; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_question_versions_on_tenant_id_and_created_by ON content.question_versions USING btree (tenant_id, created_by);

--
-- Name: index_question_versions_on_tenant_id_and_generation_job_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_question_versions_on_tenant_id_and_generation_job_id ON content.question_versions USING btree (tenant_id, generation_job_id);

--
-- Name: index_questions_on_tenant_id_and_created_by; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_questions_on_tenant_id_and_created_by ON content.questions USING btree (tenant_id, created_by);

--
-- Name: index_questions_on_tenant_id_and_lesson_id_and_milestone_id; Type: INDEX; Schema: content; Owner: ilp_owner
--

CREATE INDEX index_questions_on_tenant_id_and_lesson_id_and_milestone_id ON content.questions USING btree (tenant_id, lesson_id, milestone_id, milestone_kind);

--
-- Name: index_attempt_grades_on_tenant_id_and_graded_by; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_attempt_grades_on_tenant_id_and_graded_by ON learning.attempt_grades USING btree (tenant_id, graded_by);

--
-- Name: index_attempt_grades_on_tenant_id_attempt_id_graded_at; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_attempt_grades_on_tenant_id_attempt_id_graded_at ON learning.attempt_grades USING btree (tenant_id, attempt_id, graded_at);

--
-- Name: index_playback_sessions_on_tenant_id_lesson_id_video_id; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_playback_sessions_on_tenant_id_lesson_id_video_id ON learning.playback_sessions USING btree (tenant_id, lesson_id, video_id);

--
-- Name: index_playback_sessions_on_tenant_id_user_id_started_at; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_playback_sessions_on_tenant_id_user_id_started_at ON learning.playback_sessions USING btree (tenant_id, user_id, started_at);

--
-- Name: index_question_attempts_on_tenant_id_and_graded_by; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_question_attempts_on_tenant_id_and_graded_by ON learning.question_attempts USING btree (tenant_id, graded_by);

--
-- Name: index_question_attempts_on_tenant_id_and_question_version; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_question_attempts_on_tenant_id_and_question_version ON learning.question_attempts USING btree (tenant_id, question_id, question_version);

--
-- Name: index_question_results_on_tenant_id_and_lesson_id; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_question_results_on_tenant_id_and_lesson_id ON learning.question_results USING btree (tenant_id, lesson_id);

--
-- Name: index_question_results_on_tenant_id_and_question_version; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_question_results_on_tenant_id_and_question_version ON learning.question_results USING btree (tenant_id, question_id, question_version);

--
-- Name: index_video_progress_on_tenant_id_and_lesson_id_and_video_id; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_video_progress_on_tenant_id_and_lesson_id_and_video_id ON learning.video_progress USING btree (tenant_id, lesson_id, video_id);

--
-- Name: index_video_settings_on_tenant_id_and_lesson_id_and_video_id; Type: INDEX; Schema: learning; Owner: ilp_owner
--

CREATE INDEX index_video_settings_on_tenant_id_and_lesson_id_and_video_id ON learning.video_settings USING btree (tenant_id, lesson_id, video_id);

--
-- Name: index_class_teachers_on_tenant_id_and_user_id; Type: INDEX; Schema: tenancy; Owner: ilp_owner
--

CREATE INDEX index_class_teachers_on_tenant_id_and_user_id ON tenancy.class_teachers USING btree (tenant_id, user_id);

--
-- Name: index_enrollments_on_tenant_id_and_user_id; Type: INDEX; Schema: tenancy; Owner: ilp_owner
--

CREATE INDEX index_enrollments_on_tenant_id_and_user_id ON tenancy.enrollments USING btree (tenant_id, user_id);

--
-- Name: index_memberships_on_user_id; Type: INDEX; Schema: tenancy; Owner: ilp_owner
--

CREATE INDEX index_memberships_on_user_id ON tenancy.memberships USING btree (user_id);

--
-- Name: progress_events_2026_11_pkey; Type: INDEX ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER INDEX learning.pk_progress_events ATTACH PARTITION learning.progress_events_2026_11_pkey;

--
-- Name: progress_events_2026_12_pkey; Type: INDEX ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER INDEX learning.pk_progress_events ATTACH PARTITION learning.progress_events_2026_12_pkey;

--
-- Name: progress_events_2027_01_pkey; Type: INDEX ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER INDEX learning.pk_progress_events ATTACH PARTITION learning.progress_events_2027_01_pkey;

--
-- Name: progress_events_2027_02_pkey; Type: INDEX ATTACH; Schema: learning; Owner: ilp_owner
--

ALTER INDEX learning.pk_progress_events ATTACH PARTITION learning.progress_events_2027_02_pkey;

--
-- Name: question_transitions apply_transition; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER apply_transition BEFORE INSERT ON content.question_transitions FOR EACH ROW EXECUTE FUNCTION content.tg_question_transitions__apply();

--
-- Name: question_versions assign_version; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER assign_version BEFORE INSERT ON content.question_versions FOR EACH ROW EXECUTE FUNCTION content.tg_question_versions__assign_version();

--
-- Name: lessons bump_version; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER bump_version BEFORE INSERT OR UPDATE ON content.lessons FOR EACH ROW EXECUTE FUNCTION content.tg_lessons__bump_version();

--
-- Name: question_answer_keys check_change; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_change BEFORE INSERT OR DELETE OR UPDATE ON content.question_answer_keys FOR EACH ROW EXECUTE FUNCTION content.tg_question_answer_keys__check_change();

--
-- Name: videos check_duration_covers_content; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_duration_covers_content BEFORE UPDATE OF duration_ms ON content.videos FOR EACH ROW EXECUTE FUNCTION content.tg_videos__check_duration_covers_content();

--
-- Name: question_versions check_immutable; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_immutable BEFORE DELETE OR UPDATE ON content.question_versions FOR EACH ROW EXECUTE FUNCTION content.tg_question_versions__check_immutable();

--
-- Name: question_versions check_payload; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_payload BEFORE INSERT OR UPDATE OF question_type, prompt ON content.question_versions FOR EACH ROW EXECUTE FUNCTION content.tg_question_versions__check_payload();

--
-- Name: milestones check_position_within_duration; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_position_within_duration BEFORE INSERT OR UPDATE OF position_ms, video_id ON content.milestones FOR EACH ROW EXECUTE FUNCTION content.tg_milestones__check_position_within_duration();

--
-- Name: videos check_processing_transition; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_processing_transition BEFORE UPDATE OF processing_status ON content.videos FOR EACH ROW EXECUTE FUNCTION content.tg_videos__check_processing_transition();

--
-- Name: question_versions check_provenance; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_provenance BEFORE INSERT OR UPDATE OF question_type, prompt, generation_job_id, transcript_range_ms ON content.question_versions FOR EACH ROW EXECUTE FUNCTION content.tg_question_versions__check_provenance();

--
-- Name: generation_jobs check_status_transition; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER check_status_transition BEFORE UPDATE OF status ON content.generation_jobs FOR EACH ROW EXECUTE FUNCTION content.tg_generation_jobs__check_status_transition();

--
-- Name: generation_jobs set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.generation_jobs FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: lesson_assignments set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.lesson_assignments FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: lessons set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.lessons FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: milestones set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.milestones FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: question_answer_keys set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.question_answer_keys FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: question_versions set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.question_versions FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: questions set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.questions FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: video_groups set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.video_groups FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: videos set_updated_at; Type: TRIGGER; Schema: content; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON content.videos FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: progress_events reject_update; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER reject_update BEFORE UPDATE ON learning.progress_events FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION learning.tg_progress_events__reject_update();

--
-- Name: lesson_settings rescore_results; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER rescore_results AFTER INSERT OR DELETE OR UPDATE OF grade_policy ON learning.lesson_settings FOR EACH ROW EXECUTE FUNCTION learning.tg_lesson_settings__rescore_results();

--
-- Name: lesson_settings set_updated_at; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON learning.lesson_settings FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: playback_sessions set_updated_at; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON learning.playback_sessions FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: question_attempts set_updated_at; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON learning.question_attempts FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: question_results set_updated_at; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON learning.question_results FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: video_settings set_updated_at; Type: TRIGGER; Schema: learning; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON learning.video_settings FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: class_teachers check_class_membership; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER check_class_membership BEFORE INSERT OR UPDATE ON tenancy.class_teachers FOR EACH ROW EXECUTE FUNCTION tenancy.tg__check_class_membership('teacher', 'admin');

--
-- Name: enrollments check_class_membership; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER check_class_membership BEFORE INSERT OR UPDATE ON tenancy.enrollments FOR EACH ROW EXECUTE FUNCTION tenancy.tg__check_class_membership('student');

--
-- Name: memberships check_current_class_rows; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER check_current_class_rows BEFORE UPDATE OF status, role ON tenancy.memberships FOR EACH ROW WHEN ((((old.status <> 'left'::tenancy.membership_status) AND (new.status = 'left'::tenancy.membership_status)) OR (old.role <> new.role))) EXECUTE FUNCTION tenancy.tg_memberships__check_current_class_rows();

--
-- Name: classes set_updated_at; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenancy.classes FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: memberships set_updated_at; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenancy.memberships FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenants set_updated_at; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenancy.tenants FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: user_profiles set_updated_at; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenancy.user_profiles FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: users set_updated_at; Type: TRIGGER; Schema: tenancy; Owner: ilp_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON tenancy.users FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: generation_jobs fk_generation_jobs_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.generation_jobs
    ADD CONSTRAINT fk_generation_jobs_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: generation_jobs fk_generation_jobs_tenant_id_requested_by; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.generation_jobs
    ADD CONSTRAINT fk_generation_jobs_tenant_id_requested_by FOREIGN KEY (tenant_id, requested_by) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: generation_jobs fk_generation_jobs_tenant_id_video_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.generation_jobs
    ADD CONSTRAINT fk_generation_jobs_tenant_id_video_id FOREIGN KEY (tenant_id, video_id) REFERENCES content.videos(tenant_id, id);

--
-- Name: lesson_assignments fk_lesson_assignments_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lesson_assignments
    ADD CONSTRAINT fk_lesson_assignments_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: lesson_assignments fk_lesson_assignments_tenant_id_assigned_by; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lesson_assignments
    ADD CONSTRAINT fk_lesson_assignments_tenant_id_assigned_by FOREIGN KEY (tenant_id, assigned_by) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: lesson_assignments fk_lesson_assignments_tenant_id_class_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lesson_assignments
    ADD CONSTRAINT fk_lesson_assignments_tenant_id_class_id FOREIGN KEY (tenant_id, class_id) REFERENCES tenancy.classes(tenant_id, id);

--
-- Name: lesson_assignments fk_lesson_assignments_tenant_id_lesson_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lesson_assignments
    ADD CONSTRAINT fk_lesson_assignments_tenant_id_lesson_id FOREIGN KEY (tenant_id, lesson_id) REFERENCES content.lessons(tenant_id, id) ON DELETE CASCADE;

--
-- Name: lessons fk_lessons_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lessons
    ADD CONSTRAINT fk_lessons_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: lessons fk_lessons_tenant_id_author_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.lessons
    ADD CONSTRAINT fk_lessons_tenant_id_author_id FOREIGN KEY (tenant_id, author_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: milestones fk_milestones_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.milestones
    ADD CONSTRAINT fk_milestones_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: milestones fk_milestones_tenant_id_lesson_id_video_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.milestones
    ADD CONSTRAINT fk_milestones_tenant_id_lesson_id_video_id FOREIGN KEY (tenant_id, lesson_id, video_id) REFERENCES content.videos(tenant_id, lesson_id, id) ON DELETE CASCADE;

--
-- Name: question_answer_keys fk_question_answer_keys_question_version; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_answer_keys
    ADD CONSTRAINT fk_question_answer_keys_question_version FOREIGN KEY (tenant_id, question_id, version) REFERENCES content.question_versions(tenant_id, question_id, version) ON DELETE CASCADE;

--
-- Name: question_answer_keys fk_question_answer_keys_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_answer_keys
    ADD CONSTRAINT fk_question_answer_keys_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: question_transitions fk_question_transitions_question_version; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_transitions
    ADD CONSTRAINT fk_question_transitions_question_version FOREIGN KEY (tenant_id, question_id, version) REFERENCES content.question_versions(tenant_id, question_id, version);

--
-- Name: question_transitions fk_question_transitions_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_transitions
    ADD CONSTRAINT fk_question_transitions_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: question_transitions fk_question_transitions_tenant_id_actor_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_transitions
    ADD CONSTRAINT fk_question_transitions_tenant_id_actor_id FOREIGN KEY (tenant_id, actor_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: question_versions fk_question_versions_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_versions
    ADD CONSTRAINT fk_question_versions_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: question_versions fk_question_versions_tenant_id_created_by; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_versions
    ADD CONSTRAINT fk_question_versions_tenant_id_created_by FOREIGN KEY (tenant_id, created_by) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: question_versions fk_question_versions_tenant_id_generation_job_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_versions
    ADD CONSTRAINT fk_question_versions_tenant_id_generation_job_id FOREIGN KEY (tenant_id, generation_job_id) REFERENCES content.generation_jobs(tenant_id, id);

--
-- Name: question_versions fk_question_versions_tenant_id_question_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.question_versions
    ADD CONSTRAINT fk_question_versions_tenant_id_question_id FOREIGN KEY (tenant_id, question_id) REFERENCES content.questions(tenant_id, id) ON DELETE CASCADE;

--
-- Name: questions fk_questions_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.questions
    ADD CONSTRAINT fk_questions_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: questions fk_questions_tenant_id_created_by; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.questions
    ADD CONSTRAINT fk_questions_tenant_id_created_by FOREIGN KEY (tenant_id, created_by) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: questions fk_questions_tenant_id_lesson_id_milestone_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.questions
    ADD CONSTRAINT fk_questions_tenant_id_lesson_id_milestone_id FOREIGN KEY (tenant_id, lesson_id, milestone_id, milestone_kind) REFERENCES content.milestones(tenant_id, lesson_id, id, kind) ON DELETE CASCADE;

--
-- Name: storage_objects fk_storage_objects_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.storage_objects
    ADD CONSTRAINT fk_storage_objects_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: video_groups fk_video_groups_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_groups
    ADD CONSTRAINT fk_video_groups_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: video_groups fk_video_groups_tenant_id_lesson_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_groups
    ADD CONSTRAINT fk_video_groups_tenant_id_lesson_id FOREIGN KEY (tenant_id, lesson_id) REFERENCES content.lessons(tenant_id, id) ON DELETE CASCADE;

--
-- Name: video_renditions fk_video_renditions_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_renditions
    ADD CONSTRAINT fk_video_renditions_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: video_renditions fk_video_renditions_tenant_id_storage_object_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_renditions
    ADD CONSTRAINT fk_video_renditions_tenant_id_storage_object_id FOREIGN KEY (tenant_id, storage_object_id, storage_object_kind) REFERENCES content.storage_objects(tenant_id, id, kind);

--
-- Name: video_renditions fk_video_renditions_tenant_id_video_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_renditions
    ADD CONSTRAINT fk_video_renditions_tenant_id_video_id FOREIGN KEY (tenant_id, video_id) REFERENCES content.videos(tenant_id, id) ON DELETE CASCADE;

--
-- Name: video_text_tracks fk_video_text_tracks_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_text_tracks
    ADD CONSTRAINT fk_video_text_tracks_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: video_text_tracks fk_video_text_tracks_tenant_id_storage_object_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_text_tracks
    ADD CONSTRAINT fk_video_text_tracks_tenant_id_storage_object_id FOREIGN KEY (tenant_id, storage_object_id, storage_object_kind) REFERENCES content.storage_objects(tenant_id, id, kind);

--
-- Name: video_text_tracks fk_video_text_tracks_tenant_id_video_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.video_text_tracks
    ADD CONSTRAINT fk_video_text_tracks_tenant_id_video_id FOREIGN KEY (tenant_id, video_id) REFERENCES content.videos(tenant_id, id) ON DELETE CASCADE;

--
-- Name: videos fk_videos_tenant_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT fk_videos_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: videos fk_videos_tenant_id_lesson_id_video_group_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT fk_videos_tenant_id_lesson_id_video_group_id FOREIGN KEY (tenant_id, lesson_id, video_group_id) REFERENCES content.video_groups(tenant_id, lesson_id, id) ON DELETE CASCADE;

--
-- Name: videos fk_videos_tenant_id_storage_object_id; Type: FK CONSTRAINT; Schema: content; Owner: ilp_owner
--

ALTER TABLE ONLY content.videos
    ADD CONSTRAINT fk_videos_tenant_id_storage_object_id FOREIGN KEY (tenant_id, storage_object_id, storage_object_kind) REFERENCES content.storage_objects(tenant_id, id, kind);

--
-- Name: attempt_grades fk_attempt_grades_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.attempt_grades
    ADD CONSTRAINT fk_attempt_grades_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: attempt_grades fk_attempt_grades_tenant_id_attempt_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.attempt_grades
    ADD CONSTRAINT fk_attempt_grades_tenant_id_attempt_id FOREIGN KEY (tenant_id, attempt_id) REFERENCES learning.question_attempts(tenant_id, id);

--
-- Name: attempt_grades fk_attempt_grades_tenant_id_graded_by; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.attempt_grades
    ADD CONSTRAINT fk_attempt_grades_tenant_id_graded_by FOREIGN KEY (tenant_id, graded_by) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: lesson_settings fk_lesson_settings_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.lesson_settings
    ADD CONSTRAINT fk_lesson_settings_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: lesson_settings fk_lesson_settings_tenant_id_lesson_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.lesson_settings
    ADD CONSTRAINT fk_lesson_settings_tenant_id_lesson_id FOREIGN KEY (tenant_id, lesson_id) REFERENCES content.lessons(tenant_id, id) ON DELETE CASCADE;

--
-- Name: playback_sessions fk_playback_sessions_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.playback_sessions
    ADD CONSTRAINT fk_playback_sessions_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: playback_sessions fk_playback_sessions_tenant_id_lesson_id_video_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.playback_sessions
    ADD CONSTRAINT fk_playback_sessions_tenant_id_lesson_id_video_id FOREIGN KEY (tenant_id, lesson_id, video_id) REFERENCES content.videos(tenant_id, lesson_id, id);

--
-- Name: playback_sessions fk_playback_sessions_tenant_id_user_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.playback_sessions
    ADD CONSTRAINT fk_playback_sessions_tenant_id_user_id FOREIGN KEY (tenant_id, user_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: progress_events fk_progress_events_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.progress_events
    ADD CONSTRAINT fk_progress_events_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: question_attempts fk_question_attempts_question_version; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_attempts
    ADD CONSTRAINT fk_question_attempts_question_version FOREIGN KEY (tenant_id, question_id, question_version) REFERENCES content.question_versions(tenant_id, question_id, version);

--
-- Name: question_attempts fk_question_attempts_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_attempts
    ADD CONSTRAINT fk_question_attempts_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: question_attempts fk_question_attempts_tenant_id_graded_by; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_attempts
    ADD CONSTRAINT fk_question_attempts_tenant_id_graded_by FOREIGN KEY (tenant_id, graded_by) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: question_attempts fk_question_attempts_tenant_id_user_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_attempts
    ADD CONSTRAINT fk_question_attempts_tenant_id_user_id FOREIGN KEY (tenant_id, user_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: question_results fk_question_results_question_version; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_results
    ADD CONSTRAINT fk_question_results_question_version FOREIGN KEY (tenant_id, question_id, question_version) REFERENCES content.question_versions(tenant_id, question_id, version);

--
-- Name: question_results fk_question_results_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_results
    ADD CONSTRAINT fk_question_results_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: question_results fk_question_results_tenant_id_user_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.question_results
    ADD CONSTRAINT fk_question_results_tenant_id_user_id FOREIGN KEY (tenant_id, user_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: video_progress fk_video_progress_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_progress
    ADD CONSTRAINT fk_video_progress_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: video_progress fk_video_progress_tenant_id_lesson_id_video_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_progress
    ADD CONSTRAINT fk_video_progress_tenant_id_lesson_id_video_id FOREIGN KEY (tenant_id, lesson_id, video_id) REFERENCES content.videos(tenant_id, lesson_id, id);

--
-- Name: video_progress fk_video_progress_tenant_id_user_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_progress
    ADD CONSTRAINT fk_video_progress_tenant_id_user_id FOREIGN KEY (tenant_id, user_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: video_settings fk_video_settings_tenant_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_settings
    ADD CONSTRAINT fk_video_settings_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: video_settings fk_video_settings_tenant_id_lesson_id_video_id; Type: FK CONSTRAINT; Schema: learning; Owner: ilp_owner
--

ALTER TABLE ONLY learning.video_settings
    ADD CONSTRAINT fk_video_settings_tenant_id_lesson_id_video_id FOREIGN KEY (tenant_id, lesson_id, video_id) REFERENCES content.videos(tenant_id, lesson_id, id) ON DELETE CASCADE;

--
-- Name: class_teachers fk_class_teachers_tenant_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.class_teachers
    ADD CONSTRAINT fk_class_teachers_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: class_teachers fk_class_teachers_tenant_id_class_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.class_teachers
    ADD CONSTRAINT fk_class_teachers_tenant_id_class_id FOREIGN KEY (tenant_id, class_id) REFERENCES tenancy.classes(tenant_id, id);

--
-- Name: class_teachers fk_class_teachers_tenant_id_user_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.class_teachers
    ADD CONSTRAINT fk_class_teachers_tenant_id_user_id FOREIGN KEY (tenant_id, user_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: classes fk_classes_tenant_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.classes
    ADD CONSTRAINT fk_classes_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: enrollments fk_enrollments_tenant_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.enrollments
    ADD CONSTRAINT fk_enrollments_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: enrollments fk_enrollments_tenant_id_class_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.enrollments
    ADD CONSTRAINT fk_enrollments_tenant_id_class_id FOREIGN KEY (tenant_id, class_id) REFERENCES tenancy.classes(tenant_id, id);

--
-- Name: enrollments fk_enrollments_tenant_id_user_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.enrollments
    ADD CONSTRAINT fk_enrollments_tenant_id_user_id FOREIGN KEY (tenant_id, user_id) REFERENCES tenancy.memberships(tenant_id, user_id);

--
-- Name: memberships fk_memberships_tenant_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.memberships
    ADD CONSTRAINT fk_memberships_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenancy.tenants(id);

--
-- Name: memberships fk_memberships_user_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.memberships
    ADD CONSTRAINT fk_memberships_user_id FOREIGN KEY (user_id) REFERENCES tenancy.users(id);

--
-- Name: user_profiles fk_user_profiles_user_id; Type: FK CONSTRAINT; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE ONLY tenancy.user_profiles
    ADD CONSTRAINT fk_user_profiles_user_id FOREIGN KEY (user_id) REFERENCES tenancy.users(id) ON DELETE CASCADE;

--
-- Name: generation_jobs all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.generation_jobs TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: lesson_assignments all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.lesson_assignments TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: lessons all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.lessons TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: milestones all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.milestones TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: question_answer_keys all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.question_answer_keys TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: question_transitions all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.question_transitions TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: question_versions all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.question_versions TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: questions all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.questions TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: storage_objects all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.storage_objects TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: video_groups all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.video_groups TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: video_renditions all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.video_renditions TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: video_text_tracks all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.video_text_tracks TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: videos all_table_owner; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON content.videos TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: lesson_assignments delete_class_teacher; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_class_teacher ON content.lesson_assignments FOR DELETE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[]))));

--
-- Name: lessons delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.lessons FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, id));

--
-- Name: milestones delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.milestones FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: questions delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.questions FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_groups delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.video_groups FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_renditions delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.video_renditions FOR DELETE TO ilp_app USING ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_renditions.tenant_id) AND (v.id = video_renditions.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id)))));

--
-- Name: video_text_tracks delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.video_text_tracks FOR DELETE TO ilp_app USING ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_text_tracks.tenant_id) AND (v.id = video_text_tracks.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id)))));

--
-- Name: videos delete_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON content.videos FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: question_versions delete_question_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_question_editor ON content.question_versions FOR DELETE TO ilp_app USING (content.can_edit_question(tenant_id, question_id));

--
-- Name: lesson_assignments delete_tenant_admin; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_tenant_admin ON content.lesson_assignments FOR DELETE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: storage_objects delete_tenant_admin; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY delete_tenant_admin ON content.storage_objects FOR DELETE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: generation_jobs; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.generation_jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: lesson_assignments insert_class_teacher; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_class_teacher ON content.lesson_assignments FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[])) AND (assigned_by = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: generation_jobs insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.generation_jobs FOR INSERT TO ilp_app WITH CHECK (((requested_by = ( SELECT app.current_user_id() AS current_user_id)) AND (EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = generation_jobs.tenant_id) AND (v.id = generation_jobs.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id))))));

--
-- Name: milestones insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.milestones FOR INSERT TO ilp_app WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: questions insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.questions FOR INSERT TO ilp_app WITH CHECK (((created_by = ( SELECT app.current_user_id() AS current_user_id)) AND content.can_edit_lesson(tenant_id, lesson_id)));

--
-- Name: video_groups insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.video_groups FOR INSERT TO ilp_app WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_renditions insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.video_renditions FOR INSERT TO ilp_app WITH CHECK ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_renditions.tenant_id) AND (v.id = video_renditions.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id)))));

--
-- Name: video_text_tracks insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.video_text_tracks FOR INSERT TO ilp_app WITH CHECK ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_text_tracks.tenant_id) AND (v.id = video_text_tracks.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id)))));

--
-- Name: videos insert_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON content.videos FOR INSERT TO ilp_app WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: question_versions insert_question_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_question_editor ON content.question_versions FOR INSERT TO ilp_app WITH CHECK (((created_by = ( SELECT app.current_user_id() AS current_user_id)) AND content.can_edit_question(tenant_id, question_id)));

--
-- Name: lesson_assignments insert_tenant_admin; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_tenant_admin ON content.lesson_assignments FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role) AND (assigned_by = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: lessons insert_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_tenant_staff ON content.lessons FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND ((( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role) OR ((( SELECT app.current_member_role() AS current_member_role) = 'teacher'::tenancy.member_role) AND (author_id = ( SELECT app.current_user_id() AS current_user_id))))));

--
-- Name: question_transitions insert_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_tenant_staff ON content.question_transitions FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: storage_objects insert_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY insert_tenant_staff ON content.storage_objects FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: lesson_assignments; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.lesson_assignments ENABLE ROW LEVEL SECURITY;

--
-- Name: lessons; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.lessons ENABLE ROW LEVEL SECURITY;

--
-- Name: milestones; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.milestones ENABLE ROW LEVEL SECURITY;

--
-- Name: question_answer_keys; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.question_answer_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: question_transitions; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.question_transitions ENABLE ROW LEVEL SECURITY;

--
-- Name: question_versions; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.question_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: questions; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.questions ENABLE ROW LEVEL SECURITY;

--
-- Name: lesson_assignments select_class_teacher; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON content.lesson_assignments FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[]))));

--
-- Name: lesson_assignments select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.lesson_assignments FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_enrolled_class_ids() AS current_enrolled_class_ids)::uuid[])) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: lessons select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.lessons FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: milestones select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.milestones FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: question_versions select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.question_versions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (status = 'approved'::content.question_status) AND (EXISTS ( SELECT
   FROM content.questions q
  WHERE ((q.tenant_id = question_versions.tenant_id) AND (q.id = question_versions.question_id) AND (q.lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[])))))));

--
-- Name: questions select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.questions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[])) AND content.has_approved_version(tenant_id, id)));

--
-- Name: storage_objects select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.storage_objects FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'student'::tenancy.member_role) AND ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = storage_objects.tenant_id) AND (v.storage_object_id = storage_objects.id)))) OR (EXISTS ( SELECT
   FROM content.video_renditions r
  WHERE ((r.tenant_id = storage_objects.tenant_id) AND (r.storage_object_id = storage_objects.id)))) OR (EXISTS ( SELECT
   FROM content.video_text_tracks t
  WHERE ((t.tenant_id = storage_objects.tenant_id) AND (t.storage_object_id = storage_objects.id)))))));

--
-- Name: video_groups select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.video_groups FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: video_renditions select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.video_renditions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'student'::tenancy.member_role) AND (EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_renditions.tenant_id) AND (v.id = video_renditions.video_id))))));

--
-- Name: video_text_tracks select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.video_text_tracks FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'student'::tenancy.member_role) AND (EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_text_tracks.tenant_id) AND (v.id = video_text_tracks.video_id))))));

--
-- Name: videos select_enrolled_student; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON content.videos FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: generation_jobs select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.generation_jobs FOR SELECT TO ilp_operator USING (true);

--
-- Name: lesson_assignments select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.lesson_assignments FOR SELECT TO ilp_operator USING (true);

--
-- Name: lessons select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.lessons FOR SELECT TO ilp_operator USING (true);

--
-- Name: milestones select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.milestones FOR SELECT TO ilp_operator USING (true);

--
-- Name: question_transitions select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.question_transitions FOR SELECT TO ilp_operator USING (true);

--
-- Name: question_versions select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.question_versions FOR SELECT TO ilp_operator USING (true);

--
-- Name: questions select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.questions FOR SELECT TO ilp_operator USING (true);

--
-- Name: storage_objects select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.storage_objects FOR SELECT TO ilp_operator USING (true);

--
-- Name: video_groups select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.video_groups FOR SELECT TO ilp_operator USING (true);

--
-- Name: video_renditions select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.video_renditions FOR SELECT TO ilp_operator USING (true);

--
-- Name: video_text_tracks select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.video_text_tracks FOR SELECT TO ilp_operator USING (true);

--
-- Name: videos select_platform_operator; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON content.videos FOR SELECT TO ilp_operator USING (true);

--
-- Name: lesson_assignments select_tenant_admin; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON content.lesson_assignments FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: generation_jobs select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.generation_jobs FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: lessons select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.lessons FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: milestones select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.milestones FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: question_transitions select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.question_transitions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: question_versions select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.question_versions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: questions select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.questions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: storage_objects select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.storage_objects FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: video_groups select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.video_groups FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: video_renditions select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.video_renditions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: video_text_tracks select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.video_text_tracks FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: videos select_tenant_staff; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON content.videos FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: storage_objects; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.storage_objects ENABLE ROW LEVEL SECURITY;

--
-- Name: lesson_assignments update_class_teacher; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_class_teacher ON content.lesson_assignments FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[])))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[]))));

--
-- Name: generation_jobs update_job_requester; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_job_requester ON content.generation_jobs FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (requested_by = ( SELECT app.current_user_id() AS current_user_id)))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (requested_by = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: lessons update_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON content.lessons FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, id)) WITH CHECK (content.can_edit_lesson(tenant_id, id));

--
-- Name: milestones update_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON content.milestones FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id)) WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: questions update_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON content.questions FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id)) WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_groups update_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON content.video_groups FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id)) WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_text_tracks update_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON content.video_text_tracks FOR UPDATE TO ilp_app USING ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_text_tracks.tenant_id) AND (v.id = video_text_tracks.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id))))) WITH CHECK ((EXISTS ( SELECT
   FROM content.videos v
  WHERE ((v.tenant_id = video_text_tracks.tenant_id) AND (v.id = video_text_tracks.video_id) AND content.can_edit_lesson(v.tenant_id, v.lesson_id)))));

--
-- Name: videos update_lesson_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON content.videos FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id)) WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: question_versions update_question_editor; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_question_editor ON content.question_versions FOR UPDATE TO ilp_app USING (content.can_edit_question(tenant_id, question_id)) WITH CHECK (content.can_edit_question(tenant_id, question_id));

--
-- Name: generation_jobs update_tenant_admin; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON content.generation_jobs FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: lesson_assignments update_tenant_admin; Type: POLICY; Schema: content; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON content.lesson_assignments FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: video_groups; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.video_groups ENABLE ROW LEVEL SECURITY;

--
-- Name: video_renditions; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.video_renditions ENABLE ROW LEVEL SECURITY;

--
-- Name: video_text_tracks; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.video_text_tracks ENABLE ROW LEVEL SECURITY;

--
-- Name: videos; Type: ROW SECURITY; Schema: content; Owner: ilp_owner
--

ALTER TABLE content.videos ENABLE ROW LEVEL SECURITY;

--
-- Name: attempt_grades all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.attempt_grades TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: lesson_settings all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.lesson_settings TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: playback_sessions all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.playback_sessions TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: progress_events all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.progress_events TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: question_attempts all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.question_attempts TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: question_results all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.question_results TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: video_progress all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.video_progress TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: video_settings all_table_owner; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON learning.video_settings TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: attempt_grades; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.attempt_grades ENABLE ROW LEVEL SECURITY;

--
-- Name: lesson_settings delete_lesson_editor; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON learning.lesson_settings FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_settings delete_lesson_editor; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY delete_lesson_editor ON learning.video_settings FOR DELETE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: lesson_settings insert_lesson_editor; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON learning.lesson_settings FOR INSERT TO ilp_app WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_settings insert_lesson_editor; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY insert_lesson_editor ON learning.video_settings FOR INSERT TO ilp_app WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: lesson_settings; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.lesson_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: playback_sessions; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.playback_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: progress_events; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.progress_events ENABLE ROW LEVEL SECURITY;

--
-- Name: question_attempts; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.question_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: question_results; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.question_results ENABLE ROW LEVEL SECURITY;

--
-- Name: attempt_grades select_attempt_reader; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_attempt_reader ON learning.attempt_grades FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (EXISTS ( SELECT
   FROM learning.question_attempts a
  WHERE ((a.tenant_id = attempt_grades.tenant_id) AND (a.id = attempt_grades.attempt_id))))));

--
-- Name: playback_sessions select_class_teacher; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON learning.playback_sessions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[]))));

--
-- Name: progress_events select_class_teacher; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON learning.progress_events FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[]))));

--
-- Name: question_attempts select_class_teacher; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON learning.question_attempts FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[]))));

--
-- Name: question_results select_class_teacher; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON learning.question_results FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[]))));

--
-- Name: video_progress select_class_teacher; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON learning.video_progress FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[]))));

--
-- Name: lesson_settings select_enrolled_student; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON learning.lesson_settings FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: video_settings select_enrolled_student; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON learning.video_settings FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (lesson_id = ANY (( SELECT content.current_student_lesson_ids() AS current_student_lesson_ids)::uuid[]))));

--
-- Name: playback_sessions select_own_rows; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_own_rows ON learning.playback_sessions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: progress_events select_own_rows; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_own_rows ON learning.progress_events FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: question_attempts select_own_rows; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_own_rows ON learning.question_attempts FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: question_results select_own_rows; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_own_rows ON learning.question_results FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: video_progress select_own_rows; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_own_rows ON learning.video_progress FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: attempt_grades select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.attempt_grades FOR SELECT TO ilp_operator USING (true);

--
-- Name: lesson_settings select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.lesson_settings FOR SELECT TO ilp_operator USING (true);

--
-- Name: playback_sessions select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.playback_sessions FOR SELECT TO ilp_operator USING (true);

--
-- Name: progress_events select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.progress_events FOR SELECT TO ilp_operator USING (true);

--
-- Name: question_attempts select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.question_attempts FOR SELECT TO ilp_operator USING (true);

--
-- Name: question_results select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.question_results FOR SELECT TO ilp_operator USING (true);

--
-- Name: video_progress select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.video_progress FOR SELECT TO ilp_operator USING (true);

--
-- Name: video_settings select_platform_operator; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON learning.video_settings FOR SELECT TO ilp_operator USING (true);

--
-- Name: playback_sessions select_tenant_admin; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON learning.playback_sessions FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: progress_events select_tenant_admin; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON learning.progress_events FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: question_attempts select_tenant_admin; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON learning.question_attempts FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: question_results select_tenant_admin; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON learning.question_results FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: video_progress select_tenant_admin; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON learning.video_progress FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: lesson_settings select_tenant_staff; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON learning.lesson_settings FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: video_settings select_tenant_staff; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY select_tenant_staff ON learning.video_settings FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = ANY (ARRAY['teacher'::tenancy.member_role, 'admin'::tenancy.member_role]))));

--
-- Name: lesson_settings update_lesson_editor; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON learning.lesson_settings FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id)) WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: video_settings update_lesson_editor; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY update_lesson_editor ON learning.video_settings FOR UPDATE TO ilp_app USING (content.can_edit_lesson(tenant_id, lesson_id)) WITH CHECK (content.can_edit_lesson(tenant_id, lesson_id));

--
-- Name: playback_sessions update_own_session; Type: POLICY; Schema: learning; Owner: ilp_owner
--

CREATE POLICY update_own_session ON learning.playback_sessions FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id)))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: video_progress; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.video_progress ENABLE ROW LEVEL SECURITY;

--
-- Name: video_settings; Type: ROW SECURITY; Schema: learning; Owner: ilp_owner
--

ALTER TABLE learning.video_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: class_teachers all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.class_teachers TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: classes all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.classes TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: enrollments all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.enrollments TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: memberships all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.memberships TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: tenants all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.tenants TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: user_profiles all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.user_profiles TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: users all_table_owner; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY all_table_owner ON tenancy.users TO ilp_owner USING (true) WITH CHECK (true);

--
-- Name: class_teachers; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.class_teachers ENABLE ROW LEVEL SECURITY;

--
-- Name: classes; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.classes ENABLE ROW LEVEL SECURITY;

--
-- Name: enrollments; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.enrollments ENABLE ROW LEVEL SECURITY;

--
-- Name: class_teachers insert_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY insert_tenant_admin ON tenancy.class_teachers FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: classes insert_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY insert_tenant_admin ON tenancy.classes FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: enrollments insert_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY insert_tenant_admin ON tenancy.enrollments FOR INSERT TO ilp_app WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: memberships; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.memberships ENABLE ROW LEVEL SECURITY;

--
-- Name: class_teachers select_class_teacher; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON tenancy.class_teachers FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[]))));

--
-- Name: classes select_class_teacher; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON tenancy.classes FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[]))));

--
-- Name: enrollments select_class_teacher; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON tenancy.enrollments FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (class_id = ANY (( SELECT app.current_taught_class_ids() AS current_taught_class_ids)::uuid[]))));

--
-- Name: memberships select_class_teacher; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON tenancy.memberships FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[]))));

--
-- Name: user_profiles select_class_teacher; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON tenancy.user_profiles FOR SELECT TO ilp_app USING ((user_id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[])));

--
-- Name: users select_class_teacher; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_class_teacher ON tenancy.users FOR SELECT TO ilp_app USING ((id = ANY (( SELECT app.current_taught_student_ids() AS current_taught_student_ids)::uuid[])));

--
-- Name: classes select_enrolled_student; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_enrolled_student ON tenancy.classes FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (id = ANY (( SELECT app.current_enrolled_class_ids() AS current_enrolled_class_ids)::uuid[]))));

--
-- Name: enrollments select_own_enrollment; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_own_enrollment ON tenancy.enrollments FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: memberships select_own_membership; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_own_membership ON tenancy.memberships FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (user_id = ( SELECT app.current_user_id() AS current_user_id))));

--
-- Name: user_profiles select_own_profile; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_own_profile ON tenancy.user_profiles FOR SELECT TO ilp_app USING ((user_id = ( SELECT app.current_user_id() AS current_user_id)));

--
-- Name: users select_own_user; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_own_user ON tenancy.users FOR SELECT TO ilp_app USING ((id = ( SELECT app.current_user_id() AS current_user_id)));

--
-- Name: class_teachers select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.class_teachers FOR SELECT TO ilp_operator USING (true);

--
-- Name: classes select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.classes FOR SELECT TO ilp_operator USING (true);

--
-- Name: enrollments select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.enrollments FOR SELECT TO ilp_operator USING (true);

--
-- Name: memberships select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.memberships FOR SELECT TO ilp_operator USING (true);

--
-- Name: tenants select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.tenants FOR SELECT TO ilp_operator USING (true);

--
-- Name: user_profiles select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.user_profiles FOR SELECT TO ilp_operator USING (true);

--
-- Name: users select_platform_operator; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_platform_operator ON tenancy.users FOR SELECT TO ilp_operator USING (true);

--
-- Name: tenants select_same_tenant_member; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_same_tenant_member ON tenancy.tenants FOR SELECT TO ilp_app USING ((id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: class_teachers select_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON tenancy.class_teachers FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: classes select_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON tenancy.classes FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: enrollments select_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON tenancy.enrollments FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: memberships select_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON tenancy.memberships FOR SELECT TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: user_profiles select_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON tenancy.user_profiles FOR SELECT TO ilp_app USING ((user_id = ANY (( SELECT app.current_administered_user_ids() AS current_administered_user_ids)::uuid[])));

--
-- Name: users select_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY select_tenant_admin ON tenancy.users FOR SELECT TO ilp_app USING ((id = ANY (( SELECT app.current_administered_user_ids() AS current_administered_user_ids)::uuid[])));

--
-- Name: tenants; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.tenants ENABLE ROW LEVEL SECURITY;

--
-- Name: user_profiles update_own_profile; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY update_own_profile ON tenancy.user_profiles FOR UPDATE TO ilp_app USING ((user_id = ( SELECT app.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app.current_user_id() AS current_user_id)));

--
-- Name: class_teachers update_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON tenancy.class_teachers FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: classes update_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON tenancy.classes FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: enrollments update_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON tenancy.enrollments FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: memberships update_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON tenancy.memberships FOR UPDATE TO ilp_app USING (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: tenants update_tenant_admin; Type: POLICY; Schema: tenancy; Owner: ilp_owner
--

CREATE POLICY update_tenant_admin ON tenancy.tenants FOR UPDATE TO ilp_app USING (((id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role))) WITH CHECK (((id = ( SELECT app.current_tenant_id() AS current_tenant_id)) AND (( SELECT app.current_member_role() AS current_member_role) = 'admin'::tenancy.member_role)));

--
-- Name: user_profiles; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.user_profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: users; Type: ROW SECURITY; Schema: tenancy; Owner: ilp_owner
--

ALTER TABLE tenancy.users ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA analytics; Type: ACL; Schema: -; Owner: ilp_owner
--

GRANT USAGE ON SCHEMA analytics TO ilp_analytics;

--
-- Name: SCHEMA app; Type: ACL; Schema: -; Owner: ilp_owner
--

GRANT USAGE ON SCHEMA app TO ilp_app;

--
-- Name: SCHEMA content; Type: ACL; Schema: -; Owner: ilp_owner
--

GRANT USAGE ON SCHEMA content TO ilp_app;
GRANT USAGE ON SCHEMA content TO ilp_operator;

--
-- Name: SCHEMA learning; Type: ACL; Schema: -; Owner: ilp_owner
--

GRANT USAGE ON SCHEMA learning TO ilp_app;
GRANT USAGE ON SCHEMA learning TO ilp_operator;

--
-- Name: SCHEMA tenancy; Type: ACL; Schema: -; Owner: ilp_owner
--

GRANT USAGE ON SCHEMA tenancy TO ilp_app;
GRANT USAGE ON SCHEMA tenancy TO ilp_operator;

--
-- Name: FUNCTION begin_request(p_tenant_id uuid, p_user_id uuid); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.begin_request(p_tenant_id uuid, p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app.begin_request(p_tenant_id uuid, p_user_id uuid) TO ilp_app;

--
-- Name: FUNCTION current_administered_user_ids(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_administered_user_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_administered_user_ids() TO ilp_app;

--
-- Name: FUNCTION current_enrolled_class_ids(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_enrolled_class_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_enrolled_class_ids() TO ilp_app;

--
-- Name: FUNCTION current_member_role(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_member_role() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_member_role() TO ilp_app;

--
-- Name: FUNCTION current_membership(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_membership() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_membership() TO ilp_app;

--
-- Name: FUNCTION current_taught_class_ids(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_taught_class_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_taught_class_ids() TO ilp_app;

--
-- Name: FUNCTION current_taught_student_ids(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_taught_student_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_taught_student_ids() TO ilp_app;

--
-- Name: FUNCTION current_tenant_id(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_tenant_id() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_tenant_id() TO ilp_app;

--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.current_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION app.current_user_id() TO ilp_app;

--
-- Name: FUNCTION find_tenant_id(p_slug text); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.find_tenant_id(p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.find_tenant_id(p_slug text) TO ilp_app;

--
-- Name: FUNCTION list_user_tenants(p_user_id uuid); Type: ACL; Schema: app; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION app.list_user_tenants(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app.list_user_tenants(p_user_id uuid) TO ilp_app;

--
-- Name: FUNCTION can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION content.can_edit_lesson(p_tenant_id uuid, p_lesson_id uuid) TO ilp_app;

--
-- Name: FUNCTION can_edit_question(p_tenant_id uuid, p_question_id uuid); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.can_edit_question(p_tenant_id uuid, p_question_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION content.can_edit_question(p_tenant_id uuid, p_question_id uuid) TO ilp_app;

--
-- Name: FUNCTION current_student_lesson_ids(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.current_student_lesson_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION content.current_student_lesson_ids() TO ilp_app;

--
-- Name: FUNCTION has_approved_version(p_tenant_id uuid, p_question_id uuid); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.has_approved_version(p_tenant_id uuid, p_question_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION content.has_approved_version(p_tenant_id uuid, p_question_id uuid) TO ilp_app;

--
-- Name: FUNCTION read_question_answer_key(p_question_id uuid, p_version integer); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.read_question_answer_key(p_question_id uuid, p_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION content.read_question_answer_key(p_question_id uuid, p_version integer) TO ilp_app;

--
-- Name: FUNCTION revise_question(p_question_id uuid); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.revise_question(p_question_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION content.revise_question(p_question_id uuid) TO ilp_app;

--
-- Name: FUNCTION tg_milestones__check_position_within_duration(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.tg_milestones__check_position_within_duration() FROM PUBLIC;

--
-- Name: FUNCTION tg_question_answer_keys__check_change(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.tg_question_answer_keys__check_change() FROM PUBLIC;

--
-- Name: FUNCTION tg_question_transitions__apply(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.tg_question_transitions__apply() FROM PUBLIC;

--
-- Name: FUNCTION tg_question_versions__check_payload(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.tg_question_versions__check_payload() FROM PUBLIC;

--
-- Name: FUNCTION tg_question_versions__check_provenance(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.tg_question_versions__check_provenance() FROM PUBLIC;

--
-- Name: FUNCTION tg_videos__check_duration_covers_content(); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.tg_videos__check_duration_covers_content() FROM PUBLIC;

--
-- Name: TABLE question_transitions; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT ON TABLE content.question_transitions TO ilp_app;
GRANT SELECT ON TABLE content.question_transitions TO ilp_operator;

--
-- Name: COLUMN question_transitions.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: COLUMN question_transitions.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: COLUMN question_transitions.question_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(question_id) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: COLUMN question_transitions.version; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(version) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: COLUMN question_transitions.to_status; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(to_status) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: COLUMN question_transitions.actor_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(actor_id) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: COLUMN question_transitions.reason; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(reason) ON TABLE content.question_transitions TO ilp_app;

--
-- Name: FUNCTION transition_question_version(p_question_id uuid, p_version integer, p_to_status content.question_status, p_reason text); Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT ALL ON FUNCTION content.transition_question_version(p_question_id uuid, p_version integer, p_to_status content.question_status, p_reason text) TO ilp_app;

--
-- Name: FUNCTION validate_question_answer_key(p_question_type text, p_prompt jsonb, p_answer_key jsonb); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.validate_question_answer_key(p_question_type text, p_prompt jsonb, p_answer_key jsonb) FROM PUBLIC;

--
-- Name: FUNCTION validate_question_prompt(p_question_type text, p_prompt jsonb); Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT ALL ON FUNCTION content.validate_question_prompt(p_question_type text, p_prompt jsonb) TO ilp_app;

--
-- Name: FUNCTION write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb); Type: ACL; Schema: content; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION content.write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION content.write_question_answer_key(p_question_id uuid, p_version integer, p_answer_key jsonb) TO ilp_app;

--
-- Name: FUNCTION current_student(OUT tenant_id uuid, OUT user_id uuid); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.current_student(OUT tenant_id uuid, OUT user_id uuid) FROM PUBLIC;

--
-- Name: TABLE question_attempts; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT ON TABLE learning.question_attempts TO ilp_app;
GRANT SELECT ON TABLE learning.question_attempts TO ilp_operator;

--
-- Name: FUNCTION grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text) FROM PUBLIC;
GRANT ALL ON FUNCTION learning.grade_attempt(p_attempt_id uuid, p_score numeric, p_feedback text) TO ilp_app;

--
-- Name: FUNCTION merge_video_progress(p_tenant_id uuid, p_user_id uuid, p_video_id uuid, p_lesson_id uuid, p_duration_ms integer, p_completion_threshold numeric, p_segments int4multirange, p_furthest_position_ms integer, p_latest_event_at timestamp with time zone, p_latest_event_id uuid, p_latest_position_ms integer, p_latest_session_id uuid, p_latest_device_id text, p_earliest_event_at timestamp with time zone); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.merge_video_progress(p_tenant_id uuid, p_user_id uuid, p_video_id uuid, p_lesson_id uuid, p_duration_ms integer, p_completion_threshold numeric, p_segments int4multirange, p_furthest_position_ms integer, p_latest_event_at timestamp with time zone, p_latest_event_id uuid, p_latest_position_ms integer, p_latest_session_id uuid, p_latest_device_id text, p_earliest_event_at timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer, p_watched_from_ms integer); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer, p_watched_from_ms integer) FROM PUBLIC;
GRANT ALL ON FUNCTION learning.record_progress_event(p_session_id uuid, p_event_id uuid, p_verb learning.progress_verb, p_occurred_at timestamp with time zone, p_position_ms integer, p_seek_from_ms integer, p_watched_from_ms integer) TO ilp_app;

--
-- Name: FUNCTION record_progress_events(p_events jsonb); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.record_progress_events(p_events jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION learning.record_progress_events(p_events jsonb) TO ilp_app;

--
-- Name: TABLE question_results; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT ON TABLE learning.question_results TO ilp_app;
GRANT SELECT ON TABLE learning.question_results TO ilp_operator;

--
-- Name: FUNCTION refresh_question_result(p_tenant_id uuid, p_user_id uuid, p_question_id uuid, p_question_version integer, p_grade_policy learning.grade_policy); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.refresh_question_result(p_tenant_id uuid, p_user_id uuid, p_question_id uuid, p_question_version integer, p_grade_policy learning.grade_policy) FROM PUBLIC;

--
-- Name: FUNCTION resume_position(p_video_id uuid); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.resume_position(p_video_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION learning.resume_position(p_video_id uuid) TO ilp_app;

--
-- Name: FUNCTION start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text, p_playback_speed numeric, p_captions_language text, p_quality text, p_volume numeric, p_full_screen boolean, p_session_id uuid); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text, p_playback_speed numeric, p_captions_language text, p_quality text, p_volume numeric, p_full_screen boolean, p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION learning.start_playback_session(p_video_id uuid, p_device_id text, p_platform learning.playback_platform, p_user_agent text, p_playback_speed numeric, p_captions_language text, p_quality text, p_volume numeric, p_full_screen boolean, p_session_id uuid) TO ilp_app;

--
-- Name: FUNCTION submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION learning.submit_answer(p_question_id uuid, p_version integer, p_response jsonb, p_attempt_id uuid) TO ilp_app;

--
-- Name: FUNCTION tg_lesson_settings__rescore_results(); Type: ACL; Schema: learning; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION learning.tg_lesson_settings__rescore_results() FROM PUBLIC;

--
-- Name: FUNCTION create_progress_event_partitions(p_months_back integer, p_months_ahead integer); Type: ACL; Schema: ops; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION ops.create_progress_event_partitions(p_months_back integer, p_months_ahead integer) FROM PUBLIC;

--
-- Name: FUNCTION run_maintenance(); Type: ACL; Schema: ops; Owner: ilp_owner
--

REVOKE ALL ON FUNCTION ops.run_maintenance() FROM PUBLIC;

--
-- Name: TABLE generation_jobs; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT ON TABLE content.generation_jobs TO ilp_app;
GRANT SELECT ON TABLE content.generation_jobs TO ilp_operator;

--
-- Name: COLUMN generation_jobs.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.video_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(video_id) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.requested_by; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(requested_by) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.model; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(model) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.prompt_template; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(prompt_template) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.prompt_template_version; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(prompt_template_version) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.status; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT UPDATE(status) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.input_tokens; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT UPDATE(input_tokens) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.output_tokens; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT UPDATE(output_tokens) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.cost_usd; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT UPDATE(cost_usd) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: COLUMN generation_jobs.error; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT UPDATE(error) ON TABLE content.generation_jobs TO ilp_app;

--
-- Name: TABLE lesson_assignments; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.lesson_assignments TO ilp_app;
GRANT SELECT ON TABLE content.lesson_assignments TO ilp_operator;

--
-- Name: COLUMN lesson_assignments.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.lesson_assignments TO ilp_app;

--
-- Name: COLUMN lesson_assignments.lesson_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE content.lesson_assignments TO ilp_app;

--
-- Name: COLUMN lesson_assignments.class_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(class_id) ON TABLE content.lesson_assignments TO ilp_app;

--
-- Name: COLUMN lesson_assignments.assigned_by; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(assigned_by) ON TABLE content.lesson_assignments TO ilp_app;

--
-- Name: COLUMN lesson_assignments.assigned_at; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(assigned_at) ON TABLE content.lesson_assignments TO ilp_app;

--
-- Name: COLUMN lesson_assignments.due_at; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(due_at),UPDATE(due_at) ON TABLE content.lesson_assignments TO ilp_app;

--
-- Name: TABLE lessons; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.lessons TO ilp_app;
GRANT SELECT ON TABLE content.lessons TO ilp_operator;

--
-- Name: COLUMN lessons.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.lessons TO ilp_app;

--
-- Name: COLUMN lessons.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.lessons TO ilp_app;

--
-- Name: COLUMN lessons.author_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(author_id) ON TABLE content.lessons TO ilp_app;

--
-- Name: COLUMN lessons.title; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(title),UPDATE(title) ON TABLE content.lessons TO ilp_app;

--
-- Name: COLUMN lessons.description; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(description),UPDATE(description) ON TABLE content.lessons TO ilp_app;

--
-- Name: COLUMN lessons.language; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(language),UPDATE(language) ON TABLE content.lessons TO ilp_app;

--
-- Name: COLUMN lessons.status; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(status),UPDATE(status) ON TABLE content.lessons TO ilp_app;

--
-- Name: TABLE milestones; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.milestones TO ilp_app;
GRANT SELECT ON TABLE content.milestones TO ilp_operator;

--
-- Name: COLUMN milestones.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.lesson_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.video_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(video_id) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.position_ms; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(position_ms),UPDATE(position_ms) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.sort_order; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(sort_order),UPDATE(sort_order) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.kind; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(kind),UPDATE(kind) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.title; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(title),UPDATE(title) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.pause_playback; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(pause_playback),UPDATE(pause_playback) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.require_correct_answer; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(require_correct_answer),UPDATE(require_correct_answer) ON TABLE content.milestones TO ilp_app;

--
-- Name: COLUMN milestones.seek_back_to_ms; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(seek_back_to_ms),UPDATE(seek_back_to_ms) ON TABLE content.milestones TO ilp_app;

--
-- Name: TABLE question_versions; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.question_versions TO ilp_app;
GRANT SELECT ON TABLE content.question_versions TO ilp_operator;

--
-- Name: COLUMN question_versions.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.question_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(question_id) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.version; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(version) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.question_type; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(question_type),UPDATE(question_type) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.prompt; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(prompt),UPDATE(prompt) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.points; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(points),UPDATE(points) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.retry_penalty_points; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(retry_penalty_points),UPDATE(retry_penalty_points) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.max_attempts; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(max_attempts),UPDATE(max_attempts) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.hints; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(hints),UPDATE(hints) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.feedback; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(feedback),UPDATE(feedback) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.created_by; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(created_by) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.generation_job_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(generation_job_id) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.prompt_sha256; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(prompt_sha256) ON TABLE content.question_versions TO ilp_app;

--
-- Name: COLUMN question_versions.transcript_range_ms; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(transcript_range_ms) ON TABLE content.question_versions TO ilp_app;

--
-- Name: TABLE questions; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.questions TO ilp_app;
GRANT SELECT ON TABLE content.questions TO ilp_operator;

--
-- Name: COLUMN questions.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.questions TO ilp_app;

--
-- Name: COLUMN questions.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.questions TO ilp_app;

--
-- Name: COLUMN questions.lesson_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE content.questions TO ilp_app;

--
-- Name: COLUMN questions.milestone_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(milestone_id) ON TABLE content.questions TO ilp_app;

--
-- Name: COLUMN questions."position"; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT("position"),UPDATE("position") ON TABLE content.questions TO ilp_app;

--
-- Name: COLUMN questions.created_by; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(created_by) ON TABLE content.questions TO ilp_app;

--
-- Name: TABLE storage_objects; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.storage_objects TO ilp_app;
GRANT SELECT ON TABLE content.storage_objects TO ilp_operator;

--
-- Name: COLUMN storage_objects.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.kind; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(kind) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.bucket; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(bucket) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.object_name; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(object_name) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.generation; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(generation) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.content_type; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(content_type) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.size_bytes; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(size_bytes) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.crc32c; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(crc32c) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: COLUMN storage_objects.md5_hash; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(md5_hash) ON TABLE content.storage_objects TO ilp_app;

--
-- Name: TABLE video_groups; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.video_groups TO ilp_app;
GRANT SELECT ON TABLE content.video_groups TO ilp_operator;

--
-- Name: COLUMN video_groups.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.video_groups TO ilp_app;

--
-- Name: COLUMN video_groups.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.video_groups TO ilp_app;

--
-- Name: COLUMN video_groups.lesson_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE content.video_groups TO ilp_app;

--
-- Name: COLUMN video_groups."position"; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT("position"),UPDATE("position") ON TABLE content.video_groups TO ilp_app;

--
-- Name: COLUMN video_groups.title; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(title),UPDATE(title) ON TABLE content.video_groups TO ilp_app;

--
-- Name: TABLE video_renditions; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.video_renditions TO ilp_app;
GRANT SELECT ON TABLE content.video_renditions TO ilp_operator;

--
-- Name: COLUMN video_renditions.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.video_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(video_id) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.profile; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(profile) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.storage_object_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(storage_object_id) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.width; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(width) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.height; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(height) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: COLUMN video_renditions.bitrate_bps; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(bitrate_bps) ON TABLE content.video_renditions TO ilp_app;

--
-- Name: TABLE video_text_tracks; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.video_text_tracks TO ilp_app;
GRANT SELECT ON TABLE content.video_text_tracks TO ilp_operator;

--
-- Name: COLUMN video_text_tracks.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: COLUMN video_text_tracks.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: COLUMN video_text_tracks.video_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(video_id) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: COLUMN video_text_tracks.kind; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(kind) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: COLUMN video_text_tracks.language; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(language) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: COLUMN video_text_tracks.label; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(label),UPDATE(label) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: COLUMN video_text_tracks.storage_object_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(storage_object_id) ON TABLE content.video_text_tracks TO ilp_app;

--
-- Name: TABLE videos; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE content.videos TO ilp_app;
GRANT SELECT ON TABLE content.videos TO ilp_operator;

--
-- Name: COLUMN videos.tenant_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.lesson_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.video_group_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(video_group_id),UPDATE(video_group_id) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos."position"; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT("position"),UPDATE("position") ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.title; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(title),UPDATE(title) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.storage_object_id; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(storage_object_id) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.duration_ms; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(duration_ms),UPDATE(duration_ms) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.width; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(width),UPDATE(width) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.height; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(height),UPDATE(height) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.processing_status; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(processing_status),UPDATE(processing_status) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.uploaded_at; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(uploaded_at) ON TABLE content.videos TO ilp_app;

--
-- Name: COLUMN videos.failure_reason; Type: ACL; Schema: content; Owner: ilp_owner
--

GRANT INSERT(failure_reason),UPDATE(failure_reason) ON TABLE content.videos TO ilp_app;

--
-- Name: TABLE attempt_grades; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT ON TABLE learning.attempt_grades TO ilp_app;
GRANT SELECT ON TABLE learning.attempt_grades TO ilp_operator;

--
-- Name: TABLE lesson_settings; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE learning.lesson_settings TO ilp_app;
GRANT SELECT ON TABLE learning.lesson_settings TO ilp_operator;

--
-- Name: COLUMN lesson_settings.tenant_id; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE learning.lesson_settings TO ilp_app;

--
-- Name: COLUMN lesson_settings.lesson_id; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE learning.lesson_settings TO ilp_app;

--
-- Name: COLUMN lesson_settings.completion_threshold; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(completion_threshold),UPDATE(completion_threshold) ON TABLE learning.lesson_settings TO ilp_app;

--
-- Name: COLUMN lesson_settings.grade_policy; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(grade_policy),UPDATE(grade_policy) ON TABLE learning.lesson_settings TO ilp_app;

--
-- Name: COLUMN lesson_settings.ordering_strategy; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(ordering_strategy),UPDATE(ordering_strategy) ON TABLE learning.lesson_settings TO ilp_app;

--
-- Name: COLUMN lesson_settings.matching_strategy; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(matching_strategy),UPDATE(matching_strategy) ON TABLE learning.lesson_settings TO ilp_app;

--
-- Name: TABLE playback_sessions; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT ON TABLE learning.playback_sessions TO ilp_app;
GRANT SELECT ON TABLE learning.playback_sessions TO ilp_operator;

--
-- Name: COLUMN playback_sessions.playback_speed; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT UPDATE(playback_speed) ON TABLE learning.playback_sessions TO ilp_app;

--
-- Name: COLUMN playback_sessions.captions_language; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT UPDATE(captions_language) ON TABLE learning.playback_sessions TO ilp_app;

--
-- Name: COLUMN playback_sessions.quality; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT UPDATE(quality) ON TABLE learning.playback_sessions TO ilp_app;

--
-- Name: COLUMN playback_sessions.volume; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT UPDATE(volume) ON TABLE learning.playback_sessions TO ilp_app;

--
-- Name: COLUMN playback_sessions.full_screen; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT UPDATE(full_screen) ON TABLE learning.playback_sessions TO ilp_app;

--
-- Name: COLUMN playback_sessions.ended_at; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT UPDATE(ended_at) ON TABLE learning.playback_sessions TO ilp_app;

--
-- Name: TABLE progress_events; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT ON TABLE learning.progress_events TO ilp_app;
GRANT SELECT ON TABLE learning.progress_events TO ilp_operator;

--
-- Name: TABLE video_progress; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT ON TABLE learning.video_progress TO ilp_app;
GRANT SELECT ON TABLE learning.video_progress TO ilp_operator;

--
-- Name: TABLE video_settings; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT SELECT,DELETE ON TABLE learning.video_settings TO ilp_app;
GRANT SELECT ON TABLE learning.video_settings TO ilp_operator;

--
-- Name: COLUMN video_settings.tenant_id; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE learning.video_settings TO ilp_app;

--
-- Name: COLUMN video_settings.video_id; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(video_id) ON TABLE learning.video_settings TO ilp_app;

--
-- Name: COLUMN video_settings.lesson_id; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(lesson_id) ON TABLE learning.video_settings TO ilp_app;

--
-- Name: COLUMN video_settings.completion_threshold; Type: ACL; Schema: learning; Owner: ilp_owner
--

GRANT INSERT(completion_threshold),UPDATE(completion_threshold) ON TABLE learning.video_settings TO ilp_app;

--
-- Name: TABLE class_teachers; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.class_teachers TO ilp_app;
GRANT SELECT ON TABLE tenancy.class_teachers TO ilp_operator;

--
-- Name: COLUMN class_teachers.tenant_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE tenancy.class_teachers TO ilp_app;

--
-- Name: COLUMN class_teachers.class_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(class_id) ON TABLE tenancy.class_teachers TO ilp_app;

--
-- Name: COLUMN class_teachers.user_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(user_id) ON TABLE tenancy.class_teachers TO ilp_app;

--
-- Name: COLUMN class_teachers.assigned_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(assigned_at) ON TABLE tenancy.class_teachers TO ilp_app;

--
-- Name: COLUMN class_teachers.ended_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(ended_at),UPDATE(ended_at) ON TABLE tenancy.class_teachers TO ilp_app;

--
-- Name: TABLE classes; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.classes TO ilp_app;
GRANT SELECT ON TABLE tenancy.classes TO ilp_operator;

--
-- Name: COLUMN classes.tenant_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE tenancy.classes TO ilp_app;

--
-- Name: COLUMN classes.id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(id) ON TABLE tenancy.classes TO ilp_app;

--
-- Name: COLUMN classes.name; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE tenancy.classes TO ilp_app;

--
-- Name: COLUMN classes.code; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(code),UPDATE(code) ON TABLE tenancy.classes TO ilp_app;

--
-- Name: COLUMN classes.archived_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(archived_at),UPDATE(archived_at) ON TABLE tenancy.classes TO ilp_app;

--
-- Name: TABLE enrollments; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.enrollments TO ilp_app;
GRANT SELECT ON TABLE tenancy.enrollments TO ilp_operator;

--
-- Name: COLUMN enrollments.tenant_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(tenant_id) ON TABLE tenancy.enrollments TO ilp_app;

--
-- Name: COLUMN enrollments.class_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(class_id) ON TABLE tenancy.enrollments TO ilp_app;

--
-- Name: COLUMN enrollments.user_id; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(user_id) ON TABLE tenancy.enrollments TO ilp_app;

--
-- Name: COLUMN enrollments.enrolled_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(enrolled_at) ON TABLE tenancy.enrollments TO ilp_app;

--
-- Name: COLUMN enrollments.ended_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT INSERT(ended_at),UPDATE(ended_at) ON TABLE tenancy.enrollments TO ilp_app;

--
-- Name: TABLE memberships; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.memberships TO ilp_app;
GRANT SELECT ON TABLE tenancy.memberships TO ilp_operator;

--
-- Name: COLUMN memberships.role; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(role) ON TABLE tenancy.memberships TO ilp_app;

--
-- Name: COLUMN memberships.status; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(status) ON TABLE tenancy.memberships TO ilp_app;

--
-- Name: COLUMN memberships.joined_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(joined_at) ON TABLE tenancy.memberships TO ilp_app;

--
-- Name: COLUMN memberships.left_at; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(left_at) ON TABLE tenancy.memberships TO ilp_app;

--
-- Name: TABLE tenants; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.tenants TO ilp_app;
GRANT SELECT ON TABLE tenancy.tenants TO ilp_operator;

--
-- Name: COLUMN tenants.name; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(name) ON TABLE tenancy.tenants TO ilp_app;

--
-- Name: COLUMN tenants.settings; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(settings) ON TABLE tenancy.tenants TO ilp_app;

--
-- Name: TABLE user_profiles; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.user_profiles TO ilp_app;
GRANT SELECT ON TABLE tenancy.user_profiles TO ilp_operator;

--
-- Name: COLUMN user_profiles.full_name; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(full_name) ON TABLE tenancy.user_profiles TO ilp_app;

--
-- Name: COLUMN user_profiles.email; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(email) ON TABLE tenancy.user_profiles TO ilp_app;

--
-- Name: COLUMN user_profiles.locale; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT UPDATE(locale) ON TABLE tenancy.user_profiles TO ilp_app;

--
-- Name: TABLE users; Type: ACL; Schema: tenancy; Owner: ilp_owner
--

GRANT SELECT ON TABLE tenancy.users TO ilp_app;
GRANT SELECT ON TABLE tenancy.users TO ilp_operator;

--
-- PostgreSQL database dump complete
--
