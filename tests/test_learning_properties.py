"""Properties of the learning records, checked against plain Python references on random inputs.

The watched coverage, the resume point and each grading function are computed by the SQL
functions on a scratch database migrated to head, and compared with a reference written here.
Each example runs in a transaction that is rolled back. The concurrency tests use two
connections on a database of their own, because they commit.
"""

import itertools
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg.types.json import Jsonb

from runner import run
from runner.paths import Project
from runner.scratch import scratch_database

REPOSITORY = Path(__file__).resolve().parents[1]
SETUP_FILES = sorted((REPOSITORY / "tests" / "pgtap" / "_setup").glob("*.sql"))

# video_main of the learning fixture lasts 600,000 ms; events land in a fixed partition month.
DURATION_MS = 600_000
BASE_TIME = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def prepare_database(url: str) -> None:
    """Migrate url to head and commit the pgTAP fixture with the learning objects."""
    run.migrate(Project(REPOSITORY), url, run.MigrateOptions(lock_wait_seconds=10))
    with psycopg.connect(url, autocommit=True) as connection:
        for path in SETUP_FILES:
            connection.execute(path.read_text())
        connection.execute("select tests.create_fixture()")
        connection.execute("select tests.create_learning_fixture()")


@pytest.fixture(scope="module")
def learning_url(server_url: str):
    with scratch_database(server_url, "learning") as url:
        prepare_database(url)
        yield url


@pytest.fixture(scope="module")
def connection(learning_url: str):
    with psycopg.connect(learning_url, autocommit=True) as connection:
        yield connection


@pytest.fixture
def committed_url(server_url: str):
    """A database of its own for a test that commits."""
    with scratch_database(server_url, "learning_commit") as url:
        prepare_database(url)
        yield url


def act_as(connection: psycopg.Connection, actor: str) -> None:
    """Switch the current transaction to ilp_app with the request context of a fixture actor."""
    connection.execute("select tests.act_as(%s)", (actor,))


def round_half_up(value, places: int) -> Decimal:
    """Round like PostgreSQL's round(numeric, places), halves away from zero (values are >= 0)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# Coverage and resume point


def merge(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge half-open ranges [start, end), dropping empty ones; adjacent ranges join."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in segments if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


# An event is (watched_from_ms, position_ms, seconds after BASE_TIME, verb); positions may pass the
# end of the video by the ingest tolerance of 1000 ms.
event_strategy = st.builds(
    lambda start, length, second, verb: (
        start, min(start + length, DURATION_MS + 1000), second, verb
    ),
    start=st.integers(0, DURATION_MS),
    length=st.integers(0, 120_000),
    second=st.integers(0, 30),
    verb=st.sampled_from(["heartbeat", "paused", "completed"]),
)


@PROPERTY_SETTINGS
@given(
    events=st.lists(event_strategy, min_size=1, max_size=25),
    batch_sizes=st.lists(st.integers(1, 6), min_size=1, max_size=25),
    repeats=st.lists(st.integers(0, 24), max_size=5),
    use_batches=st.booleans(),
)
def test_coverage_and_resume_match_reference(connection, events, batch_sizes, repeats, use_batches):
    ids = [uuid.uuid4() for _ in events]
    payload = [
        {
            "event_id": str(event_id),
            "verb": verb,
            "occurred_at": (BASE_TIME + timedelta(seconds=second)).isoformat(),
            "position_ms": end,
            "watched_from_ms": start,
        }
        for event_id, (start, end, second, verb) in zip(ids, events)
    ]
    # Retried events are sent again later, in another call.
    sent = payload + [payload[index] for index in repeats if index < len(payload)]

    with connection.transaction(force_rollback=True):
        session_id = connection.execute(
            "select tests.start_session('student', 'video_main')"
        ).fetchone()[0]
        chunks = []
        position = 0
        for size in itertools.cycle(batch_sizes):
            if position >= len(sent):
                break
            chunks.append(sent[position : position + size])
            position += size
        for chunk in chunks:
            for event in chunk:
                event["session_id"] = str(session_id)
            if use_batches:
                connection.execute("select learning.record_progress_events(%s)", (Jsonb(chunk),))
            else:
                for event in chunk:
                    connection.execute(
                        "select learning.record_progress_event(%s, %s, %s, %s, %s, null, %s)",
                        (
                            session_id, event["event_id"], event["verb"], event["occurred_at"],
                            event["position_ms"], event["watched_from_ms"],
                        ),
                    )
        row = connection.execute(
            """
            select watched_segments, watched_ms, furthest_position_ms, last_position_ms,
                last_event_id, watched_fraction
            from learning.video_progress
            where
                user_id = tests.fixture_id('student')
                and video_id = tests.learning_id('video_main')
            """
        ).fetchone()
        stored = connection.execute(
            "select count(*) from learning.progress_events where session_id = %s", (session_id,)
        ).fetchone()[0]

    segments, watched_ms, furthest, last_position, last_event_id, fraction = row
    expected_segments = merge(
        [(min(start, DURATION_MS), min(end, DURATION_MS)) for start, end, _, _ in events]
    )
    assert [(r.lower, r.upper) for r in segments] == expected_segments
    assert all(r.bounds == "[)" for r in segments)
    assert watched_ms == sum(end - start for start, end in expected_segments)
    assert fraction == min(round_half_up(Fraction(watched_ms, DURATION_MS), 4), Decimal(1))
    assert furthest == min(max(end for _, end, _, _ in events), DURATION_MS)
    latest = max(zip(events, ids), key=lambda pair: (pair[0][2], pair[1]))
    assert last_event_id == latest[1]
    assert last_position == min(latest[0][1], DURATION_MS)
    assert stored == len(events)


# Grading functions

OPTION_IDS = ["a", "b", "c", "d", "e"]


def reference_multiple_choice(selected, correct, partial_credit) -> Decimal:
    chosen, right = set(selected), set(correct)
    if chosen == right:
        return Decimal(1)
    if not partial_credit or not right:
        return Decimal(0)
    hits = len(chosen & right)
    misses = len(chosen - right)
    return round_half_up(Fraction(max(hits - misses, 0), len(right)), 6)


@PROPERTY_SETTINGS
@given(
    selected=st.lists(st.sampled_from(OPTION_IDS), max_size=7),
    correct=st.lists(st.sampled_from(OPTION_IDS), min_size=1, max_size=5, unique=True),
    partial_credit=st.booleans(),
)
def test_multiple_choice_matches_reference(connection, selected, correct, partial_credit):
    credit = connection.execute(
        "select learning.grade_multiple_choice(%s::text[], %s::text[], %s)",
        (selected, correct, partial_credit),
    ).fetchone()[0]
    assert credit == reference_multiple_choice(selected, correct, partial_credit)


def normalize(answer, case_sensitive: bool):
    if answer is None:
        return None
    collapsed = " ".join(answer.split())
    return collapsed if case_sensitive else collapsed.lower()


blank_text = st.text(alphabet="abAB \t", max_size=6)


@PROPERTY_SETTINGS
@given(
    blanks=st.lists(
        st.tuples(st.lists(blank_text, min_size=1, max_size=3, unique=True), st.booleans()),
        min_size=1,
        max_size=4,
    ),
    answers=st.lists(st.one_of(st.none(), blank_text), min_size=4, max_size=4),
)
def test_fill_in_blanks_matches_reference(connection, blanks, answers):
    key = [
        {"id": f"b{index}", "accepted": accepted, "case_sensitive": case_sensitive}
        for index, (accepted, case_sensitive) in enumerate(blanks)
    ]
    response = {f"b{index}": answer for index, answer in enumerate(answers) if answer is not None}
    credit = connection.execute(
        "select learning.grade_fill_in_blanks(%s, %s)", (Jsonb(response), Jsonb(key))
    ).fetchone()[0]
    correct = sum(
        1
        for blank in key
        if normalize(response.get(blank["id"]), blank["case_sensitive"])
        in {normalize(a, blank["case_sensitive"]) for a in blank["accepted"]}
    )
    assert credit == round_half_up(Fraction(correct, len(key)), 6)


decimal_value = st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False)


@PROPERTY_SETTINGS
@given(value=decimal_value, expected=decimal_value, tolerance=st.decimals(0, 50, places=3))
def test_numeric_matches_reference(connection, value, expected, tolerance):
    credit = connection.execute(
        "select learning.grade_numeric(%s, %s, %s)", (value, expected, tolerance)
    ).fetchone()[0]
    assert credit == (1 if abs(value - expected) <= tolerance else 0)


def reference_ordering(order, correct, strategy) -> Decimal:
    if order == correct:
        return Decimal(1)
    if len(correct) < 2 or strategy == "exact":
        return Decimal(0)
    if strategy == "position":
        return round_half_up(Fraction(sum(a == b for a, b in zip(order, correct)), len(correct)), 6)
    position = {item: index for index, item in enumerate(order)}
    pairs = list(itertools.combinations(correct, 2))
    kept = sum(1 for first, second in pairs if position[first] < position[second])
    return round_half_up(Fraction(kept, len(pairs)), 6)


@PROPERTY_SETTINGS
@given(
    data=st.data(),
    size=st.integers(1, 7),
    strategy=st.sampled_from(["exact", "position", "pairwise"]),
)
def test_ordering_matches_reference(connection, data, size, strategy):
    correct = [f"i{index}" for index in range(size)]
    order = data.draw(st.permutations(correct))
    credit = connection.execute(
        "select learning.grade_ordering(%s::text[], %s::text[], %s)", (order, correct, strategy)
    ).fetchone()[0]
    assert credit == reference_ordering(list(order), correct, strategy)


@PROPERTY_SETTINGS
@given(
    data=st.data(),
    size=st.integers(1, 5),
    strategy=st.sampled_from(["exact", "per_pair"]),
)
def test_matching_matches_reference(connection, data, size, strategy):
    lefts = [f"l{index}" for index in range(size)]
    rights = [f"r{index}" for index in range(size + 2)]
    key = dict(zip(lefts, data.draw(st.permutations(rights))[:size]))
    given_lefts = data.draw(st.lists(st.sampled_from(lefts), unique=True, max_size=size))
    response = {left: data.draw(st.sampled_from(rights)) for left in given_lefts}
    credit = connection.execute(
        "select learning.grade_matching(%s, %s, %s)", (Jsonb(response), Jsonb(key), strategy)
    ).fetchone()[0]
    if response == key:
        expected = Decimal(1)
    elif strategy == "exact":
        expected = Decimal(0)
    else:
        right = sum(1 for left, choice in response.items() if key[left] == choice)
        wrong = len(response) - right
        expected = round_half_up(Fraction(max(right - wrong, 0), len(key)), 6)
    assert credit == expected


coordinate = st.decimals(min_value=0, max_value=1, places=2)


@st.composite
def hotspot_area(draw):
    if draw(st.booleans()):
        x, y = draw(coordinate), draw(coordinate)
        if x == 1 or y == 1:
            return {"shape": "circle", "x": x, "y": y, "radius": Decimal("0.1")}
        width = draw(st.decimals(min_value=Decimal("0.01"), max_value=1 - x, places=2))
        height = draw(st.decimals(min_value=Decimal("0.01"), max_value=1 - y, places=2))
        return {"shape": "rectangle", "x": x, "y": y, "width": width, "height": height}
    return {
        "shape": "circle",
        "x": draw(coordinate),
        "y": draw(coordinate),
        "radius": draw(st.decimals(min_value=Decimal("0.01"), max_value=1, places=2)),
    }


def as_json(area: dict) -> dict:
    """Return an area with JSON numbers. A float of two decimals prints those digits exactly."""
    return {
        key: float(value) if isinstance(value, Decimal) else value for key, value in area.items()
    }


@PROPERTY_SETTINGS
@given(areas=st.lists(hotspot_area(), min_size=1, max_size=4), x=coordinate, y=coordinate)
def test_hotspot_matches_reference(connection, areas, x, y):
    credit = connection.execute(
        "select learning.grade_hotspot(%s, %s, %s)",
        (x, y, Jsonb([as_json(area) for area in areas])),
    ).fetchone()[0]

    def inside(area) -> bool:
        if area["shape"] == "rectangle":
            return (
                area["x"] <= x <= area["x"] + area["width"]
                and area["y"] <= y <= area["y"] + area["height"]
            )
        return (x - area["x"]) ** 2 + (y - area["y"]) ** 2 <= area["radius"] ** 2

    assert credit == (1 if any(inside(area) for area in areas) else 0)


@PROPERTY_SETTINGS
@given(
    credit=st.fractions(min_value=0, max_value=1, max_denominator=12),
    points=st.decimals(min_value=0, max_value=20, places=2),
    penalty=st.decimals(min_value=0, max_value=5, places=2),
    attempt=st.integers(1, 6),
)
def test_retry_penalty_matches_reference(connection, credit, points, penalty, attempt):
    credit_6 = round_half_up(credit, 6)
    score = connection.execute(
        "select learning.apply_retry_penalty(%s, %s, %s, %s)", (credit_6, points, penalty, attempt)
    ).fetchone()[0]
    assert score == max(round_half_up(credit_6 * points, 2) - penalty * (attempt - 1), Decimal(0))


@PROPERTY_SETTINGS
@given(
    scores=st.lists(
        st.one_of(st.none(), st.decimals(min_value=0, max_value=10, places=2)), max_size=8
    ),
    policy=st.sampled_from(["highest", "latest", "first", "average"]),
)
def test_grade_policy_matches_reference(connection, scores, policy):
    result = connection.execute(
        "select learning.score_by_policy(%s, %s::numeric[])", (policy, scores)
    ).fetchone()[0]
    graded = [s for s in scores if s is not None]
    if not graded:
        assert result is None
        return
    expected = {
        "highest": max(graded),
        "latest": graded[-1],
        "first": graded[0],
        "average": round_half_up(Fraction(sum(graded)) / len(graded), 2),
    }[policy]
    assert result == expected


# Concurrency


def wait_until_blocked(url: str, pid: int) -> None:
    deadline = time.monotonic() + 20
    with psycopg.connect(url, autocommit=True) as monitor:
        while time.monotonic() < deadline:
            row = monitor.execute(
                "select wait_event_type from pg_stat_activity where pid = %s", (pid,)
            ).fetchone()
            if row and row[0] == "Lock":
                return
            time.sleep(0.05)
    raise AssertionError(f"backend {pid} never waited for a lock")


SUBMIT_SQL = (
    "select attempt_number from learning.submit_answer("
    "tests.learning_id('question_single_choice'), 1, '{\"option_id\": \"b\"}')"
)


def submit_and_commit(connection: psycopg.Connection, outcome: dict, key) -> None:
    """Submit an answer in the connection's open transaction and commit, recording the attempt
    number or the SQLSTATE of the error under key."""
    try:
        outcome[key] = connection.execute(SUBMIT_SQL).fetchone()[0]
        connection.commit()
    except psycopg.Error as error:
        outcome[key] = error.sqlstate
        connection.rollback()


def student_connection(url: str) -> psycopg.Connection:
    """Open a connection whose first transaction acts as the fixture's student."""
    connection = psycopg.connect(url)
    act_as(connection, "student")
    return connection


def test_two_submissions_cannot_both_be_the_last_attempt(committed_url):
    # question_single_choice allows 3 attempts; the student has made 2 when the race starts.
    with student_connection(committed_url) as setup:
        setup.execute("select tests.watch('student', 'video_main', 0, 31000)")
        setup.execute(SUBMIT_SQL)
        setup.execute(SUBMIT_SQL)
        setup.commit()

    first = student_connection(committed_url)
    second = student_connection(committed_url)
    try:
        outcome: dict = {"first": first.execute(SUBMIT_SQL).fetchone()[0]}
        second_pid = second.execute("select pg_backend_pid()").fetchone()[0]
        thread = threading.Thread(target=submit_and_commit, args=(second, outcome, "second"))
        thread.start()
        wait_until_blocked(committed_url, second_pid)
        first.commit()
        thread.join(timeout=20)
    finally:
        first.close()
        second.close()

    assert outcome == {"first": 3, "second": "IL324"}
    with psycopg.connect(committed_url, autocommit=True) as check:
        numbers = check.execute(
            "select array_agg(attempt_number order by attempt_number) "
            "from learning.question_attempts "
            "where user_id = tests.fixture_id('student') "
            "and question_id = tests.learning_id('question_single_choice')"
        ).fetchone()[0]
    assert numbers == [1, 2, 3]


def test_simultaneous_submissions_keep_the_limit(committed_url):
    with student_connection(committed_url) as setup:
        setup.execute("select tests.watch('student', 'video_main', 0, 31000)")
        setup.commit()

    connections = [student_connection(committed_url) for _ in range(5)]
    outcome: dict = {}
    barrier = threading.Barrier(len(connections))

    def race(index: int) -> None:
        barrier.wait()
        submit_and_commit(connections[index], outcome, index)

    threads = [threading.Thread(target=race, args=(index,)) for index in range(len(connections))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        for connection in connections:
            connection.close()

    assert sorted(v for v in outcome.values() if isinstance(v, int)) == [1, 2, 3]
    assert sorted(v for v in outcome.values() if isinstance(v, str)) == ["IL324", "IL324"]


MAINTENANCE_SQL = "select task, detail from ops.run_maintenance()"


def test_concurrent_maintenance_creates_each_partition_once(committed_url):
    month = datetime.now(timezone.utc).strftime("%Y_%m")
    with psycopg.connect(committed_url, autocommit=True) as owner:
        owner.execute(f"drop table learning.progress_events_{month}")

    first = psycopg.connect(committed_url)
    second = psycopg.connect(committed_url)
    try:
        outcome: dict = {}
        outcome["first"] = first.execute(MAINTENANCE_SQL).fetchall()
        second_pid = second.execute("select pg_backend_pid()").fetchone()[0]

        def run_second() -> None:
            outcome["second"] = second.execute(MAINTENANCE_SQL).fetchall()
            second.commit()

        thread = threading.Thread(target=run_second)
        thread.start()
        wait_until_blocked(committed_url, second_pid)
        first.commit()
        thread.join(timeout=20)
    finally:
        first.close()
        second.close()

    assert outcome["first"] == [("create_partition", f"learning.progress_events_{month}")]
    assert outcome["second"] == []


# Demo data


def load_both_demos(server_url: str, label: str) -> tuple[dict, str]:
    """Load the demo and the learning demo into a new database; return the counts and a digest
    of the attempts."""
    from runner import seed, seed_learning

    with scratch_database(server_url, label) as url:
        run.migrate(Project(REPOSITORY), url, run.MigrateOptions(lock_wait_seconds=10))
        with psycopg.connect(url) as connection:
            seed.load_demo(connection, seed=7)
            counts = seed_learning.load_learning_demo(connection, seed=7)
            connection.commit()
            with pytest.raises(seed.DemoDataExists):
                seed_learning.load_learning_demo(connection, seed=7)
            connection.rollback()
            digest = connection.execute(
                "select md5(string_agg(id::text || coalesce(score::text, '-'), ',' order by id)) "
                "from learning.question_attempts"
            ).fetchone()[0]
    return counts, digest


def test_learning_demo_loads_after_the_demo(server_url):
    counts, digest = load_both_demos(server_url, "learning_demo")

    assert set(counts) == {
        "learning.lesson_settings",
        "learning.video_settings",
        "learning.playback_sessions",
        "learning.progress_events",
        "learning.video_progress",
        "learning.question_attempts",
        "learning.attempt_grades",
        "learning.question_results",
    }
    for table, count in counts.items():
        assert count > 0, f"the learning demo inserted no row into {table}"

    again, same_digest = load_both_demos(server_url, "learning_demo_again")
    assert again == counts
    assert same_digest == digest
