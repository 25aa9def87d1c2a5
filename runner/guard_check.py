"""The guard step of a run: check pending migrations before anything is applied."""

import logging
from pathlib import Path

import psycopg

from runner.errors import GuardRejected
from runner.paths import Project

log = logging.getLogger(__name__)

COLUMN_TYPE_SQL = """
    select format_type(a.atttypid, a.atttypmod)
    from pg_attribute as a
    where a.attrelid = to_regclass(format('%%I.%%I', %(schema)s::text, %(table)s::text))
      and a.attname = %(column)s
      and a.attnum > 0
      and not a.attisdropped
"""


def catalog_column_type(connection: psycopg.Connection):
    """Return a lookup of a column's current type in the live catalog, for the narrowing check."""

    def lookup(schema: str | None, table: str, column: str) -> str | None:
        row = connection.execute(
            COLUMN_TYPE_SQL, {"schema": schema or "public", "table": table, "column": column}
        ).fetchone()
        return row[0] if row else None

    return lookup


def format_relative(project: Project, finding) -> str:
    """Return the finding's line with its path relative to the project root."""
    return finding.format().replace(str(finding.path), project.relative(Path(finding.path)), 1)


def enforce(project: Project, connection: psycopg.Connection, pending, allow_flag: bool, dry_run: bool) -> None:
    """Log every finding; raise GuardRejected when any blocks the run, before anything is applied."""
    from runner import guard

    if not pending:
        return
    config = guard.GuardConfig.from_pyproject(project.root / "pyproject.toml")
    findings = guard.check_migrations(
        [migration_file.path for migration_file in pending],
        config,
        column_type_lookup=catalog_column_type(connection),
    )
    blocking = guard.blocking(findings, allow_flag)
    for finding in findings:
        line = format_relative(project, finding)
        if finding in blocking:
            log.error("%s", line)
        elif finding.allowed:
            log.warning("Allowed by directive and --allow-destructive: %s", line)
        else:
            log.warning("%s", line)
    if blocking and not dry_run:
        needs_flag = any(f.allowed for f in blocking)
        advice = (
            "; the file's allow directive also needs ilp-db migrate --allow-destructive"
            if needs_flag
            else "; use the safe alternative, or add '-- allow: <operation> because <reason>' to "
            "the file and run with --allow-destructive"
        )
        raise GuardRejected(
            f"the guard rejected {len(blocking)} statement(s) in pending migrations, so nothing "
            f"was applied{advice}"
        )
