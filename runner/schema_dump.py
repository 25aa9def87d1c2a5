"""The committed schema snapshot: sql/schema.sql, a normalised schema-only dump of a fresh install.

The dump comes from a scratch database migrated from the files, never from a live database, so it
shows exactly what the migrations and definitions produce. Lines that vary between runs of the same
schema (pg_dump's version banner and its per-run `\\restrict` key) are removed.
"""

import logging
import re
import subprocess

from psycopg.conninfo import conninfo_to_dict

from runner import bookkeeping, cluster, run
from runner.connection import libpq_environment, redact
from runner.errors import IlpError
from runner.paths import Project
from runner.scratch import scratch_database

log = logging.getLogger(__name__)

SNAPSHOT = "sql/schema.sql"
HEADER = (
    "-- Schema of a fresh ilp-db install, written by `ilp-db dump-schema`: do not edit by hand.\n"
    "-- It is checked by `make test`; regenerate it after changing sql/migrations, sql/functions\n"
    "-- or sql/policies, and review its diff with the change.\n"
)
VOLATILE_LINES = re.compile(r"^(-- Dumped (from|by) .*|\\restrict .*|\\unrestrict .*)$")


def pg_dump_schema(url: str) -> str:
    """Return pg_dump's schema-only output for url, without the runner's bookkeeping schema."""
    parts = conninfo_to_dict(url)
    command = [
        str(cluster.find_bin_dir() / "pg_dump"),
        "--schema-only",
        "--no-tablespaces",
        f"--exclude-schema={bookkeeping.SCHEMA}",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, env=libpq_environment(url)
    )
    if result.returncode != 0:
        raise IlpError(
            f"pg_dump of database {parts.get('dbname')} failed: {redact(result.stderr.strip())}; "
            "pg_dump must be at least as new as the server"
        )
    return result.stdout


def normalise(dump: str) -> str:
    lines = [line for line in dump.splitlines() if not VOLATILE_LINES.match(line)]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return HEADER + "\n" + text


def fresh_schema(project: Project, server_url: str) -> str:
    """Migrate a scratch database from the files and return its normalised dump."""
    with scratch_database(server_url, "dump") as url:
        quiet = logging.getLogger("runner.run")
        previous = quiet.level
        quiet.setLevel(logging.WARNING)
        try:
            run.migrate(project, url, run.MigrateOptions(lock_wait_seconds=10))
        finally:
            quiet.setLevel(previous)
        return normalise(pg_dump_schema(url))
