"""Concurrent runs, killed runs, stale locks and lock timeouts, with real processes."""

import os
import signal
import threading
import time

import psycopg

from runner.bookkeeping import ADVISORY_LOCK_KEY
from runner.errors import EXIT_LOCK_TIMEOUT

# A migration that blocks until the test releases this advisory lock.
GATE_KEY = 424242


def wait_for(predicate, seconds: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def waiting_on_gate(project) -> bool:
    rows = project.query(
        "select count(*) from pg_locks where locktype = 'advisory' and objid = %s and not granted",
        (GATE_KEY,),
    )
    return rows[0][0] > 0


def gated_migration(project) -> None:
    project.write(
        "migrations/0001_slow.sql",
        f"""
        -- Blocks until the test opens the gate.
        create table public.slow (id int);
        select pg_advisory_xact_lock({GATE_KEY});
        insert into public.slow values (1);
        """,
    )


def test_two_concurrent_runners_apply_once(project):
    gated_migration(project)
    gate = psycopg.connect(project.url, autocommit=True)
    gate.execute("select pg_advisory_lock(%s)", (GATE_KEY,))

    first = project.spawn("migrate")
    wait_for(lambda: waiting_on_gate(project), what="the first runner to block in its migration")
    second = project.spawn("migrate", "--lock-wait", "30")
    time.sleep(1.0)
    gate.execute("select pg_advisory_unlock(%s)", (GATE_KEY,))
    gate.close()
    first_output = first.communicate(timeout=60)[0]
    second_output = second.communicate(timeout=60)[0]

    assert first.returncode == 0, first_output
    assert second.returncode == 0, second_output
    assert "Applied 0001_slow" in first_output
    assert "Waiting up to 30 s for another run to finish" in second_output
    assert "Nothing to apply: 1 migrations" in second_output
    assert project.query("select count(*) from public.slow") == [(1,)]
    assert project.query("select count(*) from ilp_migrations._yoyo_migration") == [(1,)]


def test_sigkill_during_migration_then_rerun_completes(project):
    gated_migration(project)
    gate = psycopg.connect(project.url, autocommit=True)
    gate.execute("select pg_advisory_lock(%s)", (GATE_KEY,))
    victim = project.spawn("migrate")
    wait_for(lambda: waiting_on_gate(project), what="the runner to block in its migration")

    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    gate.execute("select pg_advisory_unlock(%s)", (GATE_KEY,))
    gate.close()
    rerun = project.spawn("migrate", "--lock-wait", "30")
    output = rerun.communicate(timeout=60)[0]

    assert victim.returncode == -signal.SIGKILL
    assert rerun.returncode == 0, output
    assert "Applied 0001_slow" in output
    assert project.query("select count(*) from public.slow") == [(1,)]


def test_stale_yoyo_lock_row_is_removed(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    assert project.invoke("migrate").exit_code == 0
    project.execute(
        "insert into ilp_migrations.yoyo_lock (locked, ctime, pid) "
        "values (1, now(), 999999)"
    )
    project.write("migrations/0002_u.sql", "-- U.\n-- depends: 0001_t\ncreate table public.u (id int);\n")

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert "Removed a stale yoyo lock row left by process 999999" in result.output
    assert project.query("select count(*) from ilp_migrations.yoyo_lock") == [(0,)]
    assert project.query("select to_regclass('public.u')::text") == [("u",)]


def test_lock_wait_timeout_names_the_holder(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    holder = psycopg.connect(project.url, autocommit=True, application_name="holder-test")
    holder.execute("select pg_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
    holder_pid = holder.info.backend_pid
    try:
        result = project.invoke("migrate", "--lock-wait", "1")
    finally:
        holder.close()

    assert result.exit_code == EXIT_LOCK_TIMEOUT
    assert f"backend pid {holder_pid}, application 'holder-test'" in result.output
    assert project.query("select to_regclass('public.t')") == [(None,)]


def test_lock_timeout_is_retried_with_backoff(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.busy (id int);\n")
    assert project.invoke("migrate").exit_code == 0
    project.write(
        "migrations/0002_alter.sql",
        "-- Add a column.\n-- depends: 0001_t\nalter table public.busy add column note text;\n",
    )
    blocker = psycopg.connect(project.url)
    blocker.execute("lock table public.busy in access share mode")

    def release_later():
        time.sleep(1.5)
        blocker.rollback()

    releaser = threading.Thread(target=release_later)
    releaser.start()
    try:
        result = project.invoke("migrate", "--lock-timeout", "300ms", "--lock-retries", "4")
    finally:
        releaser.join()
        blocker.close()

    assert result.exit_code == 0, result.output
    assert "Retrying 0002_alter in 1.0 s (attempt 2 of 5): lock_timeout 300ms reached" in result.output
    assert project.query(
        "select count(*) from information_schema.columns where table_name = 'busy' and column_name = 'note'"
    ) == [(1,)]


def test_lock_timeout_gives_up_after_retries(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.busy (id int);\n")
    assert project.invoke("migrate").exit_code == 0
    project.write(
        "migrations/0002_alter.sql",
        "-- Add a column.\n-- depends: 0001_t\nalter table public.busy add column note text;\n",
    )
    blocker = psycopg.connect(project.url)
    blocker.execute("lock table public.busy in access share mode")
    try:
        result = project.invoke("migrate", "--lock-timeout", "100ms", "--lock-retries", "1")
    finally:
        blocker.close()

    assert result.exit_code == 1
    assert result.output.count("Retrying 0002_alter") == 1
    assert "(SQLSTATE 55P03)" in result.output
