"""The migrate and status operations: one run, under the advisory lock, from files to database."""

import logging
import time
from dataclasses import dataclass, field

import click
import psycopg

from runner import bookkeeping, definitions, guard_check, migrations
from runner.connection import connect
from runner.errors import UsageError
from runner.paths import Project

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MigrateOptions:
    """Settings of one `ilp-db migrate` run."""

    dry_run: bool = False
    lock_wait_seconds: float = 60.0
    allow_destructive: bool = False
    # Apply migrations only up to and including this id; definitions are skipped unless it is
    # the last migration, because they may refer to tables of later migrations.
    target: str | None = None
    # False applies migrations only, as an upgrade test does between steps.
    definitions: bool = True
    timeouts: migrations.Timeouts = field(default_factory=migrations.Timeouts)


@dataclass
class Status:
    """Everything `ilp-db status` reports."""

    plan: migrations.Plan
    definition_files: list[definitions.DefinitionFile]
    removed_definitions: list[definitions.RemovedDefinition]
    invalid_indexes: list[str]

    @property
    def pending_definitions(self) -> list[definitions.DefinitionFile]:
        return [d for d in self.definition_files if d.state != "current"]

    def as_json(self, project: Project) -> dict:
        return {
            "migrations": [
                {
                    "id": s.id,
                    "state": s.state,
                    "applied_at": s.applied_at.isoformat() if s.applied_at else None,
                    "detail": s.detail or None,
                }
                for s in self.plan.statuses
            ],
            "definitions": [
                {
                    "path": d.relative,
                    "state": d.state,
                    "applied_at": d.applied_at.isoformat() if d.applied_at else None,
                }
                for d in self.definition_files
            ]
            + [
                {
                    "path": r.relative,
                    "state": "removed",
                    "applied_at": r.applied_at.isoformat() if r.applied_at else None,
                }
                for r in self.removed_definitions
            ],
            "invalid_indexes": self.invalid_indexes,
            "pending": len(self.plan.pending) + len(self.pending_definitions),
            "drift": bool(self.plan.drift),
        }


def report_invalid_indexes(names: list[str]) -> None:
    for name in names:
        log.warning(
            "Index %s is invalid (a concurrent build failed); drop it with "
            "'drop index concurrently %s' in a new migration, or rebuild it with "
            "'reindex index concurrently %s'",
            name,
            name,
            name,
        )


def status(project: Project, url: str) -> Status:
    with connect(url, "status") as connection:
        current = migrations.plan(project, connection)
        files, removed = definitions.read_files(project, connection)
        return Status(current, files, removed, migrations.invalid_indexes(connection))


def migrate(project: Project, url: str, options: MigrateOptions) -> int:
    """Apply pending migrations, then changed definitions; return the number of files applied."""
    started = time.monotonic()
    # client_connection_check_interval makes the server cancel a running migration within a
    # second when the runner dies, so a killed run does not keep holding locks.
    with connect(url, "migrate", client_connection_check_interval="1000") as connection:
        if options.dry_run:
            return _dry_run(project, connection, options)
        with bookkeeping.RunLock(connection, options.lock_wait_seconds):
            bookkeeping.ensure_schema(connection)
            backend = migrations.prepare_backend(connection)
            current, pending, changed, skipped = _work(project, connection, options)
            blocking = _guard(project, connection, pending, changed, options)
            if blocking:
                raise guard_check.rejection(blocking, dry_run=False)
            for migration_file in pending:
                log.info("Applying %s", migration_file.id)
                seconds = migrations.apply_one(project, backend, migration_file, options.timeouts)
                log.info("Applied %s in %s", migration_file.id, _format_seconds(seconds))
            if skipped and options.definitions:
                log.warning(
                    "Skipped %d definition file(s): --target %s stops before the last migration",
                    skipped,
                    options.target,
                )
            for definition in changed:
                seconds = definitions.apply_one(project, connection, definition)
                log.info(
                    "Applied %s (%s) in %s", definition.relative, definition.state, _format_seconds(seconds)
                )
            bookkeeping.hand_to_owner(connection)
            report_invalid_indexes(migrations.invalid_indexes(connection))
    total = time.monotonic() - started
    if pending or changed:
        log.info(
            "Done: %d migration%s and %d definition file%s applied in %s",
            len(pending),
            "" if len(pending) == 1 else "s",
            len(changed),
            "" if len(changed) == 1 else "s",
            _format_seconds(total),
        )
    else:
        log.info(
            "Nothing to apply: %d migrations and %d definition files are current (%s)",
            len(current.files),
            len(definitions.read_files(project, None)[0]),
            _format_seconds(total),
        )
    return len(pending) + len(changed)


def _work(project: Project, connection: psycopg.Connection, options: MigrateOptions):
    """Return the plan, the migrations and definition files to apply, and the definitions skipped."""
    current = migrations.plan(project, connection)
    migrations.check_drift(project, current)
    migrations.check_order(project, current)
    pending, stops_early = _up_to_target(current, options.target)
    files, _removed = definitions.read_files(project, connection)
    changed = [d for d in files if d.state != "current"]
    if stops_early or not options.definitions:
        return current, pending, [], len(changed)
    return current, pending, changed, 0


def _guard(project, connection, pending, changed, options) -> list:
    findings = guard_check.find(
        project,
        [migration_file.path for migration_file in pending],
        [definition.path for definition in changed],
        lookup=guard_check.catalog_column_type(connection),
    )
    return guard_check.report(project, findings, options.allow_destructive)


def _up_to_target(current: migrations.Plan, target: str | None) -> tuple[list, bool]:
    """Return the pending migrations up to target, and whether target is before the last one."""
    if target is None:
        return current.pending, False
    ids = [f.id for f in current.files]
    if target not in ids:
        raise UsageError(
            f"unknown migration {target!r} for --target; use a file name without .sql, "
            f"e.g. {ids[-1] if ids else '0001_roles'}"
        )
    position = ids.index(target)
    allowed = set(ids[: position + 1])
    return [f for f in current.pending if f.id in allowed], position < len(ids) - 1


def _dry_run(project: Project, connection: psycopg.Connection, options: MigrateOptions) -> int:
    """Print the plan on standard output; exit as the real run would, changing nothing."""
    _current, pending, changed, skipped = _work(project, connection, options)
    blocking = _guard(project, connection, pending, changed, options)
    for migration_file in pending:
        mode = "" if migration_file.transactional else " (without a transaction)"
        click.echo(f"Would apply {migration_file.id}{mode}")
    for definition in changed:
        click.echo(f"Would apply {definition.relative} ({definition.state})")
    if skipped:
        click.echo(f"Would skip {skipped} definition file(s): --target stops before the last migration")
    click.echo(
        f"Dry run: {len(pending)} migration(s) and {len(changed)} definition file(s) would be "
        "applied; nothing was changed"
    )
    if blocking:
        raise guard_check.rejection(blocking, dry_run=True)
    return 0


def _format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"
