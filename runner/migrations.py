"""Versioned migrations: reading them with yoyo, comparing them with the database, applying them.

yoyo-migrations parses each file (its `-- depends:` and `-- transactional:` directives, statement
splitting with sqlparse) and keeps its tables. The runner applies each migration itself, on the
connection that holds the run lock, so a transactional migration, yoyo's mark and the file's
checksum commit together. A run killed at any moment therefore leaves each migration either
wholly applied and recorded, or not applied at all.
"""

import hashlib
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pglast
import psycopg
from psycopg import errors as pg_errors
from yoyo.backends.core.postgresql import PostgresqlPsycopgBackend
from yoyo.migrations import get_migration_hash, read_sql_migration

from runner import bookkeeping
from runner.errors import DriftDetected, IlpError, MigrationFailed
from runner.paths import Project, read_sql_text

log = logging.getLogger(__name__)

FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9][a-z0-9_]*)\.sql$")
OWNER_ROLE = "ilp_owner"
# Migrations see only public (where the extensions live), so an unqualified name never lands in a
# project schema by accident, and the owner cannot create objects in public.
MIGRATION_SEARCH_PATH = "public"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class MigrationFile:
    """One file under sql/migrations, parsed by yoyo's reader (directives and sqlparse splitting)."""

    id: str
    path: Path
    sha256: str
    statements: list[str]
    transactional: bool
    depends: list[str]

    @property
    def hash(self) -> str:
        """Return the key yoyo stores for this migration in _yoyo_migration."""
        return get_migration_hash(self.id)


@dataclass
class MigrationStatus:
    id: str
    state: str  # applied, pending, changed, missing
    applied_at: datetime | None = None
    detail: str = ""


@dataclass
class Plan:
    """The comparison of the migration files with what the database recorded."""

    files: list[MigrationFile]
    statuses: list[MigrationStatus] = field(default_factory=list)

    @property
    def pending(self) -> list[MigrationFile]:
        pending_ids = {s.id for s in self.statuses if s.state == "pending"}
        return [f for f in self.files if f.id in pending_ids]

    @property
    def drift(self) -> list[MigrationStatus]:
        return [s for s in self.statuses if s.state in ("changed", "missing")]


def read_files(project: Project) -> list[MigrationFile]:
    """Read every migration file in number order, checking names, numbers and contents.

    Migrations apply in the order of their numbers on every database. A `-- depends:` directive
    may only name an earlier migration, so it documents the order and never changes it.
    """
    directory = project.migrations_dir
    by_number: dict[str, Path] = {}
    paths = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        match = FILE_NAME.match(path.name)
        if not match:
            raise IlpError(
                f"{project.relative(path)}: invalid migration file name; use NNNN_<slug>.sql with "
                "a four-digit number and a lowercase slug (ilp-db new SLUG writes one)"
            )
        number = match.group(1)
        if number in by_number:
            raise IlpError(
                f"{project.relative(by_number[number])} and {project.relative(path)} both use number "
                f"{number}; renumber the one that has not been applied anywhere (ilp-db status shows "
                "which is applied here)"
            )
        by_number[number] = path
        paths.append(path)

    files = []
    for path in paths:
        read_sql_text(project, path)
        directives, _comment, statements = read_sql_migration(str(path))
        transactional_value = directives.get("transactional", "true").strip().lower()
        if transactional_value not in ("true", "false"):
            raise IlpError(
                f"{project.relative(path)}: invalid directive '-- transactional: "
                f"{transactional_value}'; use true or false"
            )
        if not statements:
            raise IlpError(
                f"{project.relative(path)}: no SQL statements; write the migration or delete the "
                "file (an applied empty file could never be filled in later)"
            )
        files.append(
            MigrationFile(
                id=path.stem,
                path=path,
                sha256=sha256_of(path),
                statements=statements,
                transactional=transactional_value == "true",
                depends=directives.get("depends", "").split(),
            )
        )
    return files


def check_dependencies(project: Project, files: list[MigrationFile], deleted: set[str]) -> None:
    """Reject a `-- depends:` on a missing or later migration; deleted applied ids are drift."""
    position = {f.id: index for index, f in enumerate(files)}
    for index, migration_file in enumerate(files):
        for dependency in migration_file.depends:
            if dependency in deleted:
                continue
            if dependency not in position:
                raise IlpError(
                    f"{project.relative(migration_file.path)}: '-- depends: {dependency}' names no "
                    "migration file; use a file name without .sql"
                )
            if position[dependency] >= index:
                raise IlpError(
                    f"{project.relative(migration_file.path)}: depends on {dependency}, which does "
                    "not come earlier; migrations apply in number order, so renumber the files"
                )


def plan(project: Project, connection: psycopg.Connection) -> Plan:
    """Compare the migration files with what the database recorded."""
    files = read_files(project)
    recorded = bookkeeping.recorded_migrations(connection)
    result = Plan(files=files)
    by_id = {f.id: f for f in files}
    check_dependencies(project, files, deleted=set(recorded) - set(by_id))
    applied_ids = [f.id for f in files if f.id in recorded]
    highest_applied = max(applied_ids) if applied_ids else None
    for migration_file in files:
        entry = recorded.get(migration_file.id)
        if entry is None:
            detail = ""
            if highest_applied is not None and migration_file.id < highest_applied:
                detail = f"numbered below the applied {highest_applied}"
            result.statuses.append(MigrationStatus(migration_file.id, "pending", detail=detail))
        elif entry["sha256"] is not None and entry["sha256"] != migration_file.sha256:
            result.statuses.append(
                MigrationStatus(
                    migration_file.id,
                    "changed",
                    entry["applied_at"],
                    f"edited after it was applied (recorded sha256 {entry['sha256'][:12]}, "
                    f"file now {migration_file.sha256[:12]})",
                )
            )
        else:
            result.statuses.append(MigrationStatus(migration_file.id, "applied", entry["applied_at"]))
    for migration_id, entry in recorded.items():
        if migration_id not in by_id:
            result.statuses.append(
                MigrationStatus(migration_id, "missing", entry["applied_at"], "applied, but the file was deleted")
            )
    return result


def drift_message(project: Project, drift: list[MigrationStatus]) -> str:
    lines = [f"{project.relative(project.migrations_dir / (s.id + '.sql'))}: {s.detail}" for s in drift]
    return (
        "applied migrations no longer match their files, so nothing was applied:\n  "
        + "\n  ".join(lines)
        + "\nApplied migrations are append-only: restore each file from version control "
        "(git checkout -- FILE) and put the change in a new migration (ilp-db new SLUG)."
    )


def check_drift(project: Project, current: Plan) -> None:
    if current.drift:
        raise DriftDetected(drift_message(project, current.drift))


def check_order(project: Project, current: Plan) -> None:
    """Reject a pending migration numbered below an applied one.

    Applying it would run the files in a different order here than on a fresh install, which
    happens when two branches add migrations and both are merged.
    """
    late = [s for s in current.statuses if s.state == "pending" and s.detail]
    if late:
        applied = [s.id for s in current.statuses if s.state == "applied"]
        next_number = int(max(applied)[:4]) + 1
        names = ", ".join(project.relative(project.migrations_dir / f"{s.id}.sql") for s in late)
        raise IlpError(
            f"{names}: numbered below the highest applied migration {max(applied)}, so databases "
            f"would apply the files in different orders; renumber from {next_number:04d} up"
        )


class _Backend(PostgresqlPsycopgBackend):
    """yoyo's psycopg 3 backend on a connection the runner opened (and locked) itself."""

    def __init__(self, connection: psycopg.Connection):
        self._given_connection = connection
        super().__init__(None, "_yoyo_migration")

    def connect(self, dburi):
        return self._given_connection

    def init_connection(self, connection):
        connection.execute(f"set search_path = {bookkeeping.SCHEMA}")

    def list_tables(self, **kwargs) -> list[str]:
        rows = self.connection.execute(
            "select table_name from information_schema.tables where table_schema = %s",
            (bookkeeping.SCHEMA,),
        ).fetchall()
        return [row[0] for row in rows]


def prepare_backend(connection: psycopg.Connection) -> _Backend:
    """Return a yoyo backend whose tables exist and whose internal schema is up to date."""
    backend = _Backend(connection)
    backend.init_database()
    bookkeeping.clear_stale_yoyo_locks(connection)
    backend.ensure_internal_schema_updated()
    return backend


@dataclass(frozen=True)
class Timeouts:
    """Per-migration limits; values are PostgreSQL durations such as '5s' or '0' (none)."""

    lock_timeout: str = "5s"
    statement_timeout: str = "0"
    lock_retries: int = 3
    retry_backoff_seconds: float = 1.0


def owner_role_usable(connection: psycopg.Connection) -> bool:
    """Return whether migrations should run as the owner role.

    True once migration 0001 created the role, made the login a member and granted it CREATE on
    this database.
    """
    row = connection.execute(
        """
        select exists (select from pg_roles where rolname = %(role)s)
           and pg_has_role(current_user, %(role)s, 'member')
           and has_database_privilege(%(role)s, current_database(), 'create')
        """,
        {"role": OWNER_ROLE},
    ).fetchone()
    return bool(row and row[0])


def _set_session(connection: psycopg.Connection, timeouts: Timeouts, local: bool) -> None:
    scope = "set local" if local else "set"
    connection.execute(f"{scope} search_path = {MIGRATION_SEARCH_PATH}")
    connection.execute(f"{scope} lock_timeout = '{_duration(timeouts.lock_timeout)}'")
    connection.execute(f"{scope} statement_timeout = '{_duration(timeouts.statement_timeout)}'")
    if owner_role_usable(connection):
        connection.execute(f"{scope} role {OWNER_ROLE}")


def _duration(value: str) -> str:
    if not re.fullmatch(r"\d+\s*(ms|s|min|h)?", value.strip()):
        raise IlpError(f"invalid duration {value!r}; use a number with ms, s, min or h, e.g. 5s")
    return value.strip()


def _reset_session(connection: psycopg.Connection) -> None:
    connection.execute("reset role")
    connection.execute("reset lock_timeout")
    connection.execute("reset statement_timeout")
    connection.execute(f"set search_path = {bookkeeping.SCHEMA}")


def _mark_applied(backend: _Backend, migration_file: MigrationFile) -> None:
    connection = backend.connection
    connection.execute(f"set local search_path = {bookkeeping.SCHEMA}")
    backend.execute(
        backend.format_sql(backend.mark_migration_sql),
        {
            "migration_hash": migration_file.hash,
            "migration_id": migration_file.id,
            "when": datetime.now(timezone.utc).replace(tzinfo=None),
        },
    )
    # yoyo's log row needs only the migration's id and hash.
    backend.log_migration(SimpleNamespace(id=migration_file.id, hash=migration_file.hash), "apply")
    bookkeeping.record_checksum(connection, migration_file.id, migration_file.sha256)


def apply_one(
    project: Project, backend: _Backend, migration_file: MigrationFile, timeouts: Timeouts
) -> float:
    """Apply one migration with lock-timeout retries; return its duration in seconds."""
    attempt = 0
    while True:
        attempt += 1
        started = time.monotonic()
        try:
            if migration_file.transactional:
                _apply_in_transaction(backend, migration_file, timeouts)
            else:
                _apply_without_transaction(backend, migration_file, timeouts)
            return time.monotonic() - started
        except psycopg.Error as error:
            retryable = isinstance(error, pg_errors.LockNotAvailable) and migration_file.transactional
            if retryable and attempt <= timeouts.lock_retries:
                delay = timeouts.retry_backoff_seconds * (2 ** (attempt - 1))
                log.warning(
                    "Retrying %s in %.1f s (attempt %d of %d): lock_timeout %s reached: %s",
                    migration_file.id,
                    delay,
                    attempt + 1,
                    timeouts.lock_retries + 1,
                    timeouts.lock_timeout,
                    error.diag.message_primary,
                )
                time.sleep(delay)
                continue
            raise MigrationFailed(failure_message(project, migration_file, error)) from None


INVALID_INDEXES_SQL = """
    select format('%I.%I', n.nspname, c.relname)
    from pg_index as i
    join pg_class as c on c.oid = i.indexrelid
    join pg_namespace as n on n.oid = c.relnamespace
    where not i.indisvalid
      and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_toast%%'
    order by 1
"""


def invalid_indexes(connection: psycopg.Connection, tables: list[str] | None = None) -> list[str]:
    """Return indexes left invalid, for example by a failed `create index concurrently`.

    With tables (qualified names), only the invalid indexes of those tables.
    """
    names = [row[0] for row in connection.execute(INVALID_INDEXES_SQL).fetchall()]
    if tables is None:
        return names
    row = connection.execute(
        """
        select coalesce(array_agg(format('%%I.%%I', n.nspname, c.relname)), '{}')
        from pg_index as i
        join pg_class as c on c.oid = i.indexrelid
        join pg_namespace as n on n.oid = c.relnamespace
        where not i.indisvalid and i.indrelid = any(
            select to_regclass(t) from unnest(%s::text[]) as t
        )
        """,
        (tables,),
    ).fetchone()
    return list(row[0])


def indexed_tables(statements: list[str]) -> list[str]:
    """Return the tables (schema.table) that create index statements in statements build on."""
    tables = []
    for statement in statements:
        try:
            parsed = pglast.parse_sql(statement)
        except pglast.parser.ParseError:
            continue
        for raw in parsed:
            if isinstance(raw.stmt, pglast.ast.IndexStmt):
                relation = raw.stmt.relation
                schema = relation.schemaname or MIGRATION_SEARCH_PATH
                tables.append(f"{schema}.{relation.relname}")
    return tables


def _execute(connection: psycopg.Connection, statement: str) -> None:
    try:
        connection.execute(statement)
    except psycopg.Error as error:
        # Remembered so the failure message can point at the statement's line in the file.
        error._ilp_statement = statement  # type: ignore[attr-defined]
        raise


def _apply_in_transaction(backend: _Backend, migration_file: MigrationFile, timeouts: Timeouts) -> None:
    connection = backend.connection
    with connection.transaction():
        _set_session(connection, timeouts, local=True)
        for statement in migration_file.statements:
            _execute(connection, statement)
        connection.execute("reset role")
        _mark_applied(backend, migration_file)
    connection.execute(f"set search_path = {bookkeeping.SCHEMA}")


def _apply_without_transaction(
    backend: _Backend, migration_file: MigrationFile, timeouts: Timeouts
) -> None:
    # Each statement commits on its own (create index concurrently, reindex concurrently).
    # A failure halfway leaves the earlier statements applied, so such files should hold one
    # statement, written to be re-runnable (if not exists).
    connection = backend.connection
    _set_session(connection, timeouts, local=False)
    try:
        for statement in migration_file.statements:
            _execute(connection, statement)
    finally:
        _reset_session(connection)
    # `create index concurrently if not exists` skips an invalid index left by an earlier failed
    # build, so the file would be marked applied without a usable index. It is not marked while
    # a table the file indexes has an invalid index. Invalid indexes of other tables are only
    # reported.
    left_invalid = invalid_indexes(connection, tables=indexed_tables(migration_file.statements))
    if left_invalid:
        names = ", ".join(left_invalid)
        raise IlpError(
            f"{migration_file.path.name} ran, but index {names} is invalid, so the migration was "
            f"not marked applied; drop the index (drop index concurrently {left_invalid[0]}) and "
            "run ilp-db migrate again"
        )
    with connection.transaction():
        _mark_applied(backend, migration_file)


def server_notes(diag) -> str:
    """Return the server's detail and hint of an error as sentences, or an empty string."""
    notes = ""
    for label, text in (("Detail", diag.message_detail), ("Hint", diag.message_hint)):
        if text:
            notes += f" {label}: {text.rstrip('.')}."
    return notes


def failure_message(project: Project, migration_file: MigrationFile, error: psycopg.Error) -> str:
    where = project.relative(migration_file.path)
    diag = error.diag
    text = diag.message_primary or str(error).splitlines()[0]
    code = error.sqlstate or "?????"
    if isinstance(error, pg_errors.ActiveSqlTransaction):
        return (
            f"{where}: {text} (SQLSTATE {code}); add the line '-- transactional: false' to the "
            "file's header and keep that statement alone in the file. Nothing of this migration "
            "was applied."
        )
    line = _statement_line(migration_file, diag.statement_position, error)
    outcome = (
        "Nothing of this migration was applied."
        if migration_file.transactional
        else "This file runs without a transaction: statements before the failing one stay "
        "applied; check for invalid indexes with ilp-db status."
    )
    hint = server_notes(diag)
    return f"{where}{line}: {text} (SQLSTATE {code}).{hint} {outcome}"


def _statement_line(migration_file: MigrationFile, position: str | None, error: psycopg.Error) -> str:
    """Return ':LINE' for the failing statement when it can be located in the file."""
    statement = getattr(error, "_ilp_statement", None)
    source = migration_file.path.read_text()
    if statement is None:
        return ""
    index = source.find(statement.strip())
    if index < 0:
        return ""
    offset = index + (int(position) - 1 if position else 0)
    return f":{source.count(chr(10), 0, offset) + 1}"
