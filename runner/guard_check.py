"""The guard step of a run: check pending migrations and changed definitions before applying."""

import logging
from pathlib import Path

import psycopg

from runner.errors import GuardRejected, IlpError
from runner.paths import Project, read_sql_text

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


def find(project: Project, migration_paths: list[Path], definition_paths: list[Path], lookup=None) -> list:
    """Return the guard's findings for migrations (in order) and definition files."""
    from runner import guard

    try:
        config = guard.GuardConfig.from_pyproject(project.root / "pyproject.toml")
    except ValueError as error:
        raise IlpError(f"pyproject.toml: {error}") from None
    for path in [*migration_paths, *definition_paths]:
        read_sql_text(project, path)
    findings = guard.check_migrations(migration_paths, config, column_type_lookup=lookup)
    for path in definition_paths:
        findings.extend(guard.check_definition(path, read_sql_text(project, path)))
    return findings


def report(project: Project, findings: list, allow_flag: bool) -> list:
    """Log every finding and return those that stop a run."""
    from runner import guard

    blocking = guard.blocking(findings, allow_flag)
    for finding in findings:
        line = format_relative(project, finding)
        if finding in blocking:
            log.error("%s", line)
        elif finding.allowed:
            log.warning("Allowed by directive and --allow-destructive: %s", line)
        else:
            log.warning("%s", line)
    return blocking


def rejection(blocking: list, dry_run: bool) -> GuardRejected:
    """Return the error that ends a run stopped by the guard, with the fix that applies."""
    from runner import guard

    allowable = [f for f in blocking if f.operation in guard.ALLOWABLE_OPERATIONS]
    if blocking and all(f.allowed for f in blocking):
        advice = "; the file's allow directive also needs ilp-db migrate --allow-destructive"
    elif allowable:
        advice = (
            "; use the safe alternative shown, or, for a deliberate change, add "
            "'-- allow: <operation> because <reason>' to the migration and run with "
            "--allow-destructive"
        )
    else:
        advice = "; fix each file as the finding says"
    prefix = "dry run: a real run would stop here: " if dry_run else ""
    return GuardRejected(
        f"{prefix}the guard rejected {len(blocking)} finding(s), so nothing was applied{advice}"
    )
