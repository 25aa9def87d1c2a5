"""Extend the demo data set with learning records: sessions, progress, answers and grades.

`load_learning_demo(connection, seed=42)` runs after `runner.seed.load_demo()` on the same
database and returns the number of rows it inserted per learning table. Students of the demo
schools watch some of the videos they can see, on one or two devices, answer the questions of
the milestones they reached, and their teachers grade the free-text answers and override a few
scores. Every record goes through the public functions a backend calls
(learning.start_playback_session, learning.record_progress_events, learning.submit_answer and
learning.grade_attempt), with the request context set for each actor, so the demo obeys every
rule of ingest and grading.

The same seed gives the same choices, ids and positions. Event times count back from the load
time, because the event log only accepts months that have partitions, and the loader first runs
the maintenance that creates them (the previous month to 3 months ahead).

The loader needs the same role as load_demo(): a superuser, or a member of ilp_owner.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import random
import uuid
from decimal import Decimal

import psycopg
from psycopg.types.json import Jsonb

from runner.errors import IlpError
from runner.seed import SCHOOLS, DemoDataExists

log = logging.getLogger(__name__)

LEARNING_TABLES = (
    "learning.lesson_settings",
    "learning.video_settings",
    "learning.playback_sessions",
    "learning.progress_events",
    "learning.video_progress",
    "learning.question_attempts",
    "learning.attempt_grades",
    "learning.question_results",
)

# How much of each chosen video a student watches, from just started to all of it.
WATCHED_FRACTIONS = (0.15, 0.4, 0.7, 0.92, 1.0)
VIDEOS_PER_STUDENT = (1, 2, 3, 4)
HEARTBEAT_MS = 15_000
BATCH_SIZE = 50
# Share of answers that a student gets right.
RIGHT_ANSWER_RATE = 0.7


@dataclasses.dataclass(frozen=True)
class Video:
    video_id: uuid.UUID
    lesson_id: uuid.UUID
    duration_ms: int


@dataclasses.dataclass(frozen=True)
class Question:
    question_id: uuid.UUID
    version: int
    question_type: str
    prompt: dict
    answer_key: dict | None
    max_attempts: int | None
    position_ms: int


def load_learning_demo(connection: psycopg.Connection, *, seed: int = 42) -> dict[str, int]:
    """Insert the learning records of the demo schools and return the rows inserted per table.

    With autocommit off, the rows join the caller's transaction, as `ilp-db seed --demo` does;
    with autocommit on, the load runs in a transaction of its own. Raises IlpError when the demo
    schools are missing, and DemoDataExists when they already have learning records.
    """
    if connection.autocommit:
        with connection.transaction():
            return _load(connection, seed)
    return _load(connection, seed)


def _load(connection: psycopg.Connection, seed: int) -> dict[str, int]:
    is_superuser = connection.execute("select current_setting('is_superuser') = 'on'").fetchone()[0]
    if not is_superuser:
        try:
            connection.execute("set local role ilp_owner")
        except psycopg.errors.InsufficientPrivilege:
            raise IlpError(
                "the learning demo loader needs a superuser or a member of ilp_owner, because "
                "every table forces row-level security; connect as such a role"
            ) from None

    tenant_ids = _demo_tenant_ids(connection)
    for task, detail in connection.execute("select task, detail from ops.run_maintenance()"):
        log.info("Maintenance before the learning demo: %s %s", task, detail)

    rng = random.Random(seed)
    now = connection.execute("select now()").fetchone()[0]
    for tenant_id in tenant_ids:
        _load_school(connection, rng, tenant_id, now)

    # An error above aborts the transaction, which undoes the context and the role as well.
    _set_context(connection, None, None)
    if not is_superuser:
        connection.execute("reset role")
    return _count_rows(connection, tenant_ids)


def _demo_tenant_ids(connection: psycopg.Connection) -> list[uuid.UUID]:
    slugs = [school.slug for school in SCHOOLS]
    tenant_ids = [
        row[0]
        for row in connection.execute(
            "select id from tenancy.tenants where slug = any(%s) order by slug", (slugs,)
        )
    ]
    if not tenant_ids:
        raise IlpError(
            "no demo school found (tenants " + ", ".join(slugs) + "); load the demo first with "
            "runner.seed.load_demo() or ilp-db seed --demo"
        )
    existing = connection.execute(
        "select count(*) from learning.playback_sessions where tenant_id = any(%s)", (tenant_ids,)
    ).fetchone()[0]
    if existing:
        raise DemoDataExists(
            f"learning demo already loaded: the demo schools have {existing} playback sessions; "
            "load the demo into a freshly migrated database"
        )
    return tenant_ids


def _set_context(connection: psycopg.Connection, tenant_id, user_id) -> None:
    """Set the request context of the transaction, as app.begin_request() would after its checks."""
    connection.execute(
        "select set_config('ilp.tenant_id', %s, true), set_config('ilp.user_id', %s, true)",
        (str(tenant_id) if tenant_id else "", str(user_id) if user_id else ""),
    )


def _new_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _load_school(
    connection: psycopg.Connection,
    rng: random.Random,
    tenant_id: uuid.UUID,
    now: datetime.datetime,
) -> None:
    log.info("Loading learning demo records of tenant %s", tenant_id)
    _insert_settings(connection, rng, tenant_id)

    students = connection.execute(
        """
        select e.user_id, min(ct.user_id::text)::uuid as teacher_id
        from tenancy.enrollments as e
        inner join tenancy.memberships as m on e.tenant_id = m.tenant_id and e.user_id = m.user_id
        left join tenancy.class_teachers as ct
            on e.tenant_id = ct.tenant_id and e.class_id = ct.class_id and ct.ended_at is null
        where e.tenant_id = %s and e.ended_at is null and m.status = 'active'
        group by e.user_id
        order by e.user_id
        """,
        (tenant_id,),
    ).fetchall()

    for student_id, teacher_id in students:
        videos = _visible_videos(connection, tenant_id, student_id)
        if not videos:
            continue
        count = min(len(videos), rng.choice(VIDEOS_PER_STUDENT))
        for video in rng.sample(videos, count):
            watched_end_ms = _watch(connection, rng, tenant_id, student_id, video, now)
            _answer(connection, rng, tenant_id, student_id, video, watched_end_ms)
        if teacher_id is not None:
            _grade(connection, rng, tenant_id, student_id, teacher_id)


def _insert_settings(
    connection: psycopg.Connection, rng: random.Random, tenant_id: uuid.UUID
) -> None:
    """Give two published lessons their own rules, and one ready video its own threshold."""
    lessons = connection.execute(
        "select id from content.lessons where tenant_id = %s and status = 'published' order by id",
        (tenant_id,),
    ).fetchall()
    for (lesson_id,), (threshold, policy, ordering, matching) in zip(
        lessons,
        ((0.8, "latest", "position", "per_pair"), (0.95, "average", "exact", "exact")),
    ):
        connection.execute(
            "insert into learning.lesson_settings (tenant_id, lesson_id, completion_threshold, "
            "grade_policy, ordering_strategy, matching_strategy) values (%s, %s, %s, %s, %s, %s)",
            (tenant_id, lesson_id, threshold, policy, ordering, matching),
        )
    video = connection.execute(
        "select id, lesson_id from content.videos where tenant_id = %s "
        "and processing_status = 'ready' order by id limit 1",
        (tenant_id,),
    ).fetchone()
    if video is not None:
        connection.execute(
            "insert into learning.video_settings (tenant_id, video_id, lesson_id, "
            "completion_threshold) values (%s, %s, %s, %s)",
            (tenant_id, video[0], video[1], rng.choice((0.6, 0.75))),
        )


def _visible_videos(
    connection: psycopg.Connection, tenant_id: uuid.UUID, student_id: uuid.UUID
) -> list[Video]:
    """Return the ready videos of the published lessons assigned to the student's classes."""
    rows = connection.execute(
        """
        select distinct v.id, v.lesson_id, v.duration_ms
        from tenancy.enrollments as e
        inner join content.lesson_assignments as a
            on e.tenant_id = a.tenant_id and e.class_id = a.class_id
        inner join content.lessons as l on a.tenant_id = l.tenant_id and a.lesson_id = l.id
        inner join content.videos as v on l.tenant_id = v.tenant_id and l.id = v.lesson_id
        where
            e.tenant_id = %s
            and e.user_id = %s
            and e.ended_at is null
            and l.status = 'published'
            and v.duration_ms is not null
        order by v.id
        """,
        (tenant_id, student_id),
    ).fetchall()
    return [Video(*row) for row in rows]


def _watch(
    connection: psycopg.Connection,
    rng: random.Random,
    tenant_id: uuid.UUID,
    student_id: uuid.UUID,
    video: Video,
    now: datetime.datetime,
) -> int:
    """Record the student watching part of a video on one or two devices; return where they
    stopped, in ms."""
    _set_context(connection, tenant_id, student_id)
    end_ms = int(video.duration_ms * rng.choice(WATCHED_FRACTIONS))
    started_at = now - datetime.timedelta(days=rng.randint(1, 6), minutes=rng.randint(0, 600))
    devices = [("laptop", "web")] if rng.random() < 0.6 else [("laptop", "web"), ("phone", "ios")]
    # With two devices the student switches to the phone halfway and resumes there.
    switch_ms = end_ms // 2 if len(devices) == 2 else end_ms

    events_by_session = []
    position_ms = 0
    clock = started_at
    for device_index, (device, platform) in enumerate(devices):
        session_id = connection.execute(
            "select learning.start_playback_session(%s, %s, %s, p_session_id => %s)",
            (
                video.video_id,
                f"{device}-{str(student_id)[:8]}",
                platform,
                _new_id(rng),
            ),
        ).fetchone()[0]
        stop_ms = switch_ms if device_index == 0 else end_ms
        events = [_event(rng, session_id, "played", clock, position_ms)]
        while position_ms < stop_ms:
            next_ms = min(position_ms + HEARTBEAT_MS, stop_ms)
            clock += datetime.timedelta(milliseconds=next_ms - position_ms)
            verb = "paused" if next_ms == stop_ms else "heartbeat"
            events.append(
                _event(rng, session_id, verb, clock, next_ms, watched_from_ms=position_ms)
            )
            position_ms = next_ms
        events_by_session.append(events)
        clock += datetime.timedelta(hours=rng.randint(1, 5))

    for events in events_by_session:
        for start in range(0, len(events), BATCH_SIZE):
            batch = events[start : start + BATCH_SIZE]
            connection.execute("select learning.record_progress_events(%s)", (Jsonb(batch),))
    return end_ms


def _event(
    rng: random.Random,
    session_id: uuid.UUID,
    verb: str,
    occurred_at: datetime.datetime,
    position_ms: int,
    watched_from_ms: int | None = None,
) -> dict:
    event = {
        "event_id": str(_new_id(rng)),
        "session_id": str(session_id),
        "verb": verb,
        "occurred_at": occurred_at.isoformat(),
        "position_ms": position_ms,
    }
    if watched_from_ms is not None:
        event["watched_from_ms"] = watched_from_ms
    return event


def _answer(
    connection: psycopg.Connection,
    rng: random.Random,
    tenant_id: uuid.UUID,
    student_id: uuid.UUID,
    video: Video,
    watched_end_ms: int,
) -> None:
    """Answer the approved questions of the milestones the student watched up to, retrying some
    wrong answers while attempts are left."""
    _set_context(connection, tenant_id, student_id)
    for question in _questions(connection, tenant_id, video, watched_end_ms):
        right = rng.random() < RIGHT_ANSWER_RATE
        _submit(connection, rng, question, build_response(rng, question, right=right))
        if not right and question.question_type not in ("free_text", "poll"):
            if question.max_attempts is None or question.max_attempts > 1:
                _submit(connection, rng, question, build_response(rng, question, right=True))


def _questions(
    connection: psycopg.Connection, tenant_id: uuid.UUID, video: Video, watched_end_ms: int
) -> list[Question]:
    rows = connection.execute(
        """
        select q.id, qv.version, qv.question_type::text, qv.prompt, k.answer_key, qv.max_attempts,
            ms.position_ms
        from content.milestones as ms
        inner join content.questions as q on ms.tenant_id = q.tenant_id and ms.id = q.milestone_id
        inner join content.question_versions as qv
            on q.tenant_id = qv.tenant_id and q.id = qv.question_id and qv.status = 'approved'
        left join content.question_answer_keys as k
            on qv.tenant_id = k.tenant_id and qv.question_id = k.question_id
            and qv.version = k.version
        where ms.tenant_id = %s and ms.video_id = %s and ms.position_ms <= %s
        order by ms.position_ms, q.position
        """,
        (tenant_id, video.video_id, watched_end_ms),
    ).fetchall()
    return [Question(*row) for row in rows]


def _submit(
    connection: psycopg.Connection, rng: random.Random, question: Question, response: dict
) -> None:
    # The attempt id comes from the seed, so that attempts sort the same way in every load.
    connection.execute(
        "select * from learning.submit_answer(%s, %s, %s, %s)",
        (question.question_id, question.version, Jsonb(response), _new_id(rng)),
    )


def build_response(rng: random.Random, question: Question, *, right: bool) -> dict:
    """Return a response of the question's shape that is right, or deliberately wrong."""
    prompt, key = question.prompt, question.answer_key or {}
    kind = question.question_type
    if kind == "single_choice":
        ids = [option["id"] for option in prompt["options"]]
        wrong = [i for i in ids if i != key["correct_option_id"]]
        return {"option_id": key["correct_option_id"] if right else rng.choice(wrong)}
    if kind == "multiple_choice":
        ids = [option["id"] for option in prompt["options"]]
        correct = key["correct_option_ids"]
        chosen = list(correct) if right else correct[:1] + [i for i in ids if i not in correct][:1]
        return {"option_ids": chosen}
    if kind == "true_false":
        return {"value": key["correct"] if right else not key["correct"]}
    if kind == "fill_in_blanks":
        return {
            "blanks": {
                blank["id"]: blank["accepted"][0] if right else "I don't know"
                for blank in key["blanks"]
            }
        }
    if kind == "numeric":
        value = float(key["value"])
        tolerance = float(key["tolerance"])
        return {"value": value if right else value + 2 * tolerance + 1}
    if kind == "ordering":
        order = list(key["order"])
        if not right:
            order[0], order[1] = order[1], order[0]
        return {"order": order}
    if kind == "matching":
        pairs = [dict(pair) for pair in key["pairs"]]
        if not right:
            used = {pair["right"] for pair in pairs}
            spare = [item["id"] for item in prompt["right"] if item["id"] not in used]
            if spare:
                pairs[0]["right"] = spare[0]
        return {"pairs": pairs}
    if kind == "hotspot":
        if not right:
            return {"x": 0.02, "y": 0.97}
        area = key["areas"][0]
        if area["shape"] == "rectangle":
            return {"x": area["x"] + area["width"] / 2, "y": area["y"] + area["height"] / 2}
        return {"x": area["x"], "y": area["y"]}
    if kind == "free_text":
        text = key.get("model_answer") or "I think it is because of the energy involved."
        return {"text": text if right else "I am not sure; I would need to watch it again."}
    if kind == "poll":
        return {"option_ids": [rng.choice(prompt["options"])["id"]]}
    raise ValueError(f"unknown question type {kind!r}")


def _grade(
    connection: psycopg.Connection,
    rng: random.Random,
    tenant_id: uuid.UUID,
    student_id: uuid.UUID,
    teacher_id: uuid.UUID,
) -> None:
    """Grade two thirds of the student's free-text answers and override one auto-graded score."""
    attempts = connection.execute(
        """
        select id, status::text, max_score
        from learning.question_attempts
        where tenant_id = %s and user_id = %s
        order by attempt_number, id
        """,
        (tenant_id, student_id),
    ).fetchall()
    _set_context(connection, tenant_id, teacher_id)
    overridden = False
    for attempt_id, status, max_score in attempts:
        if status == "needs_grading" and rng.random() < 2 / 3:
            score = (max_score * rng.choice((Decimal("0.5"), Decimal(1)))).quantize(Decimal("0.01"))
            connection.execute(
                "select learning.grade_attempt(%s, %s::numeric, %s)",
                (attempt_id, score, "Clear explanation." if score == max_score else "Incomplete."),
            )
        elif status == "graded" and max_score > 0 and not overridden and rng.random() < 0.2:
            connection.execute(
                "select learning.grade_attempt(%s, %s::numeric, %s)",
                (attempt_id, max_score, "Full marks: your working was right."),
            )
            overridden = True


def _count_rows(connection: psycopg.Connection, tenant_ids: list[uuid.UUID]) -> dict[str, int]:
    """Return the rows of each learning table that belong to the demo tenants."""
    return {
        table: connection.execute(
            f"select count(*) from {table} where tenant_id = any(%s)", (tenant_ids,)
        ).fetchone()[0]
        for table in LEARNING_TABLES
    }
