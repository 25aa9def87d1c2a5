"""The ingest benchmark behind `make bench`: pgbench scenarios paired with raw baselines.

Each hot-path scenario runs with pgbench in the same run as two raw baselines on the same server:
a single-row insert into a plain table and a primary-key select. Each is reported as a ratio to
its baseline, never as an absolute target. Results go to docs/benchmarks.md.

Usage: python -m runner.bench [--seconds N] [--clients N] [--scale N]
"""

import argparse
import datetime
import logging
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict

from runner import cluster, run
from runner.paths import find_project

log = logging.getLogger("runner.bench")

BENCH_DATABASE = "ilp_bench"
BENCH_DIR = Path("bench")
REPORT = Path("docs/benchmarks.md")


@dataclass(frozen=True)
class Scenario:
    """One pgbench script; rows_per_transaction turns transactions into rows (events) per second."""

    name: str
    script: str
    description: str
    rows_per_transaction: int = 1


@dataclass(frozen=True)
class Target:
    """A goal: scenario rows/s divided by baseline rows/s must reach minimum_ratio."""

    label: str
    scenario: str
    baseline: str
    minimum_ratio: float


SCENARIOS = (
    Scenario("raw_insert", "raw_insert.sql", "baseline: one-row insert into a plain table"),
    Scenario("raw_pk_select", "raw_pk_select.sql", "baseline: primary-key select from a plain table"),
    Scenario("ingest_single", "ingest_single.sql", "(a) one progress event through the ingest call"),
    Scenario("ingest_batch", "ingest_batch.sql", "(b) a 50-event batch through the batch call", 50),
    Scenario("resume_lookup", "resume_lookup.sql", "(c) resume position plus next milestone"),
    Scenario("submit_answer", "submit_answer.sql", "(d) answer submission with grading"),
)

TARGETS = (
    Target("(a) single-event ingest", "ingest_single", "raw_insert", 0.6),
    Target("(b) 50-event batch ingest, events/s", "ingest_batch", "raw_insert", 5.0),
    Target("(c) resume + next-milestone lookup", "resume_lookup", "raw_pk_select", 0.7),
    Target("(d) answer submission with grading", "submit_answer", "raw_insert", 0.4),
)


def pgbench_command(
    bin_dir: Path,
    url: str,
    script: Path,
    clients: int,
    threads: int,
    seconds: int,
    actor_count: int,
    answer_count: int,
) -> list[str]:
    parts = conninfo_to_dict(url)
    return [
        str(bin_dir / "pgbench"),
        "--no-vacuum",
        "--protocol=prepared",
        f"--client={clients}",
        f"--jobs={threads}",
        f"--time={seconds}",
        f"--file={script}",
        f"--define=actor_count={actor_count}",
        f"--define=answer_count={answer_count}",
        f"--host={parts['host']}",
        f"--port={parts.get('port', '5432')}",
        "--username=ilp_app",
        parts["dbname"],
    ]


def run_pgbench(command: list[str]) -> float:
    """Run pgbench and return its transactions per second."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pgbench failed ({' '.join(command)}):\n{result.stderr.strip()}")
    failed = re.search(r"number of failed transactions: (\d+)", result.stdout)
    if failed and int(failed.group(1)) > 0:
        raise RuntimeError(f"pgbench reported failed transactions:\n{result.stdout}")
    match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", result.stdout)
    if not match:
        raise RuntimeError(f"no tps in pgbench output:\n{result.stdout}")
    return float(match.group(1))


def machine_description(connection: psycopg.Connection) -> list[str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split()[1])
        memory = f"{total_kib / 1024 / 1024:.0f} GiB"
    server = connection.execute("select version()").fetchone()[0]
    settings = connection.execute(
        "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) "
        "from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections')"
    ).fetchone()[0]
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; memory {memory}",
        f"- OS: {platform.platform()}",
        f"- Server: {server}",
        f"- Server settings: {settings}",
    ]


def prepare_database(project, admin_url: str, bench_url: str, scale: int) -> None:
    """Recreate the benchmark database, migrate it, load the demo and the bench schema."""
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"drop database if exists {BENCH_DATABASE} with (force)")
        admin.execute(f"create database {BENCH_DATABASE}")
    run.migrate(project, bench_url, run.MigrateOptions(lock_wait_seconds=10))
    from runner import seed, seed_learning

    with psycopg.connect(bench_url) as connection:
        seed.load_demo(connection, scale=scale, seed=42)
        seed_learning.load_learning_demo(connection, seed=42)
        connection.commit()
        connection.execute((project.root / BENCH_DIR / "setup.sql").read_text())
        connection.commit()
    with psycopg.connect(bench_url, autocommit=True) as connection:
        start_sessions(connection)
        watch_answered_videos(connection)
        connection.execute("vacuum analyze")


def start_sessions(connection: psycopg.Connection) -> int:
    """Start one playback session per actor as that student would, through the public API.

    The connection must be in autocommit mode, so each transaction below ends its `set local`.
    """
    actors = connection.execute("select n, tenant_id, user_id, video_id from bench.actors order by n").fetchall()
    if not actors:
        raise RuntimeError("the demo data has no student who can watch a video; check bench/setup.sql")
    for n, tenant_id, user_id, video_id in actors:
        with connection.transaction():
            connection.execute("set local role ilp_app")
            connection.execute("select app.begin_request(%s, %s)", (tenant_id, user_id))
            session_id = connection.execute(
                "select learning.start_playback_session(%s, %s, 'web')", (video_id, f"bench-device-{n}")
            ).fetchone()[0]
        connection.execute("update bench.actors set session_id = %s where n = %s", (session_id, n))
    return len(actors)


def watch_answered_videos(connection: psycopg.Connection) -> int:
    """Mark as watched, through the ingest call, every video whose questions (d) answers.

    An answer to a milestone the student has not watched up to is rejected, so each such student
    first reports one heartbeat whose watched segment covers the whole video.
    """
    rows = connection.execute(
        """
        select distinct a.tenant_id, a.user_id, a.session_id, a.duration_ms
        from bench.actors as a
        where exists (
            select from bench.answers as b where b.tenant_id = a.tenant_id and b.user_id = a.user_id
        )
        """
    ).fetchall()
    for tenant_id, user_id, session_id, duration_ms in rows:
        with connection.transaction():
            connection.execute("set local role ilp_app")
            connection.execute("select app.begin_request(%s, %s)", (tenant_id, user_id))
            connection.execute(
                "select learning.record_progress_event(%s, gen_random_uuid(), 'heartbeat', now(), %s, null, 0)",
                (session_id, duration_ms),
            )
    return len(rows)


def explain_hot_queries(project, bench_url: str) -> list[str]:
    """Return EXPLAIN output of each hot query in bench/explain.sql, for one actor, as markdown."""
    text = (project.root / BENCH_DIR / "explain.sql").read_text()
    blocks = [b for b in text.split("-- query: ")[1:] if b.strip()]
    lines: list[str] = []
    with psycopg.connect(bench_url, autocommit=True) as connection:
        actor = connection.execute(
            """
            select a.tenant_id, a.user_id, a.video_id, a.session_id, v.lesson_id
            from bench.actors as a
            join content.videos as v on v.tenant_id = a.tenant_id and v.id = a.video_id
            order by a.n limit 1
            """
        ).fetchone()
        values = dict(zip(("tenant_id", "user_id", "video_id", "session_id", "lesson_id"), actor))
        for block in blocks:
            title, _, sql = block.partition("\n")
            sql = sql.strip().rstrip(";")
            plan = connection.execute(f"explain (costs off) {sql}", values).fetchall()
            lines += [f"### {title.strip()}", "", "```sql", sql, "```", "", "```"]
            lines += [row[0] for row in plan]
            lines += ["```", ""]
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="duration of each pgbench run, in seconds")
    parser.add_argument("--clients", type=int, default=8, help="concurrent pgbench clients")
    parser.add_argument("--threads", type=int, default=2, help="pgbench worker threads")
    parser.add_argument("--scale", type=int, default=4, help="demo data multiplier")
    options = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("yoyo").setLevel(logging.WARNING)

    project = find_project()
    local = cluster.locate(project)
    if not cluster.is_running(local):
        raise SystemExit("the local cluster is not running; start it with: ilp-db db start")
    admin_url = local.url("postgres")
    bench_url = local.url(BENCH_DATABASE)
    log.info("Preparing database %s (scale %d)", BENCH_DATABASE, options.scale)
    prepare_database(project, admin_url, bench_url, options.scale)
    with psycopg.connect(bench_url) as connection:
        actor_count = connection.execute("select count(*) from bench.actors").fetchone()[0]
        answer_count = connection.execute("select count(*) from bench.answers").fetchone()[0]
    log.info("%d (student, video) pairs and %d answerable questions to draw from", actor_count, answer_count)
    if not answer_count:
        raise RuntimeError("the demo data has no approved single-choice question to answer")

    results: dict[str, float] = {}
    commands: dict[str, str] = {}
    for scenario in SCENARIOS:
        script = project.root / BENCH_DIR / scenario.script
        command = pgbench_command(
            local.bin_dir,
            bench_url,
            script,
            options.clients,
            options.threads,
            options.seconds,
            actor_count,
            answer_count,
        )
        printable_parts = []
        for part in command:
            if part.startswith("--host="):
                part = "--host=<socket dir>"
            printable_parts.append(part.replace(f"{project.root}/", ""))
        commands[scenario.name] = " ".join(printable_parts)
        log.info("Running %s for %d s with %d clients", scenario.name, options.seconds, options.clients)
        tps = run_pgbench(command)
        results[scenario.name] = tps * scenario.rows_per_transaction
        log.info("  %s: %.0f transactions/s, %.0f rows/s", scenario.name, tps, results[scenario.name])

    with psycopg.connect(bench_url) as connection:
        machine = machine_description(connection)
    explain = explain_hot_queries(project, bench_url)
    report = render_report(options, machine, results, commands, explain)
    (project.root / REPORT).write_text(report)
    log.info("Wrote %s", REPORT)
    for target in TARGETS:
        ratio = results[target.scenario] / results[target.baseline]
        state = "met" if ratio >= target.minimum_ratio else "NOT met"
        log.info("%s: %.2fx of %s (target %.1fx, %s)", target.label, ratio, target.baseline, target.minimum_ratio, state)
    return 0


def render_report(options, machine, results, commands, explain) -> str:
    today = datetime.date.today().isoformat()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m runner.bench`); rerun it to refresh this page. Each",
        "scenario is compared with raw baselines measured in the same run on the same server, so the",
        "ratios, not the absolute numbers, are the result. Numbers from one run on a shared machine",
        "vary by several percent between runs.",
        "",
        f"## Run of {today}",
        "",
        *machine,
        f"- pgbench: {options.clients} clients, {options.threads} threads, {options.seconds} s per scenario, "
        f"prepared protocol, demo data at scale {options.scale}",
        "",
        "| scenario | rows/s |",
        "| --- | ---: |",
    ]
    for scenario in SCENARIOS:
        lines.append(f"| {scenario.description} (`{scenario.name}`) | {results[scenario.name]:.0f} |")
    lines += ["", "| target | ratio | goal | met |", "| --- | ---: | ---: | --- |"]
    for target in TARGETS:
        ratio = results[target.scenario] / results[target.baseline]
        met = "yes" if ratio >= target.minimum_ratio else "no"
        lines.append(f"| {target.label} vs `{target.baseline}` | {ratio:.2f} | {target.minimum_ratio:.1f} | {met} |")
    lines += ["", "## Commands", "", "```sh"]
    lines += [commands[s.name] for s in SCENARIOS]
    lines += ["```", "", "The scripts are in `bench/`; `bench/setup.sql` creates the baseline tables.", ""]
    lines += [
        "## Reading the ratios",
        "",
        "Every scenario but the baselines starts its transaction with `app.begin_request()`, as the",
        "backend must, in the same statement as the call (see the scripts). That security definer",
        "call with its pinned `search_path` and two transaction-local settings costs about as much",
        "as several primary-key reads, so (c) stays far below a bare primary-key select. The",
        "baselines look up the same actor row as the scenarios, so that lookup is on both sides.",
        "The batch scenario builds its 50-event JSON array on the server, work a backend does on",
        "its own side, so (b) understates the batch call itself. docs/learning.md breaks down the",
        "per-step cost of each call and lists the options that would raise the ratios.",
        "",
    ]
    lines += ["## Plans of the hot queries", "", *explain]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
