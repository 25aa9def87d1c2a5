"""The runner's own tables in the ilp_migrations schema, and the advisory lock of a run.

yoyo-migrations keeps its tables (`_yoyo_migration`, `_yoyo_log`, `_yoyo_version`, `yoyo_lock`) in
the same schema, because the runner's connection has `search_path = ilp_migrations` while it does
bookkeeping. The runner adds a checksum per applied migration (yoyo tracks only names) and a
checksum per applied definition file.
"""

import logging
import time
from datetime import timezone

import psycopg

from runner.errors import IlpError, LockWaitTimeout

log = logging.getLogger(__name__)

SCHEMA = "ilp_migrations"
# Key of the session-level advisory lock held for a whole run: the bytes of "ilpdb" as an integer.
# Advisory locks are scoped to the current database, so runs on other databases do not wait.
ADVISORY_LOCK_KEY = 0x696C706462

CREATE_STATEMENTS = (
    f"create schema if not exists {SCHEMA}",
    f"revoke all on schema {SCHEMA} from public",
    f"""
    create table if not exists {SCHEMA}.migration_checksums (
        migration_id text not null,
        sha256 text not null,
        applied_at timestamptz not null default now(),
        applied_by text not null default current_user,
        constraint pk_migration_checksums primary key (migration_id)
    )
    """,
    f"""
    comment on table {SCHEMA}.migration_checksums is
        'sha256 of each applied migration file, so ilp-db can refuse to run when one was edited'
    """,
    f"""
    create table if not exists {SCHEMA}.definitions (
        path text not null,
        sha256 text not null,
        applied_at timestamptz not null default now(),
        applied_by text not null default current_user,
        constraint pk_definitions primary key (path)
    )
    """,
    f"""
    comment on table {SCHEMA}.definitions is
        'sha256 of each applied definition file under sql/functions and sql/policies'
    """,
)


def schema_exists(connection: psycopg.Connection) -> bool:
    row = connection.execute(
        "select exists (select from pg_namespace where nspname = %s)", (SCHEMA,)
    ).fetchone()
    return bool(row and row[0])


def table_exists(connection: psycopg.Connection, table: str) -> bool:
    row = connection.execute("select to_regclass(%s) is not null", (f"{SCHEMA}.{table}",)).fetchone()
    return bool(row and row[0])


def ensure_schema(connection: psycopg.Connection) -> None:
    """Create the bookkeeping schema and tables when missing (the caller holds the run lock)."""
    try:
        with connection.transaction():
            for statement in CREATE_STATEMENTS:
                connection.execute(statement)
    except psycopg.errors.InsufficientPrivilege as error:
        user, database = connection.execute("select current_user, current_database()").fetchone()
        raise IlpError(
            f"login {user} cannot set up the runner's schema {SCHEMA} in database {database}: "
            f"{error.diag.message_primary}; run the first migrate as the database owner, or "
            f"grant create on database {database} to {user} (and, when {SCHEMA} exists, make "
            f"{user} a member of its owner)"
        ) from None


def hand_to_owner(connection: psycopg.Connection) -> None:
    """Give the bookkeeping schema and tables to ilp_owner once that role can own them.

    Any login that is a member of ilp_owner (every deploy login) can then run and inspect
    migrations, whichever login created the schema first.
    """
    row = connection.execute(
        """
        select n.nspowner = current_user::regrole
           and exists (select from pg_roles where rolname = 'ilp_owner')
           and pg_has_role(current_user, 'ilp_owner', 'member')
           and has_database_privilege('ilp_owner', current_database(), 'create')
        from pg_namespace as n where n.nspname = %s
        """,
        (SCHEMA,),
    ).fetchone()
    if not row or not row[0]:
        return
    with connection.transaction():
        tables = connection.execute(
            "select tablename from pg_tables where schemaname = %s and tableowner = current_user",
            (SCHEMA,),
        ).fetchall()
        for (table,) in tables:
            connection.execute(f'alter table {SCHEMA}."{table}" owner to ilp_owner')
        connection.execute(f"alter schema {SCHEMA} owner to ilp_owner")


def recorded_migrations(connection: psycopg.Connection) -> dict[str, dict]:
    """Return {migration id: {applied_at, sha256}} for every migration yoyo marked applied."""
    if not schema_exists(connection) or not table_exists(connection, "_yoyo_migration"):
        return {}
    checksums = {}
    if table_exists(connection, "migration_checksums"):
        checksums = dict(
            connection.execute(
                f"select migration_id, sha256 from {SCHEMA}.migration_checksums"
            ).fetchall()
        )
    rows = connection.execute(
        f"select migration_id, applied_at_utc from {SCHEMA}._yoyo_migration order by applied_at_utc"
    ).fetchall()
    # yoyo stores naive UTC timestamps. Attaching the zone keeps readers from taking them as local time.
    return {
        migration_id: {
            "applied_at": applied_at.replace(tzinfo=timezone.utc) if applied_at else None,
            "sha256": checksums.get(migration_id),
        }
        for migration_id, applied_at in rows
    }


def recorded_definitions(connection: psycopg.Connection) -> dict[str, dict]:
    """Return {path: {sha256, applied_at}} for every definition file applied so far."""
    if not schema_exists(connection) or not table_exists(connection, "definitions"):
        return {}
    rows = connection.execute(f"select path, sha256, applied_at from {SCHEMA}.definitions").fetchall()
    return {path: {"sha256": sha, "applied_at": applied_at} for path, sha, applied_at in rows}


def record_checksum(connection: psycopg.Connection, migration_id: str, sha256: str) -> None:
    connection.execute(
        f"""
        insert into {SCHEMA}.migration_checksums (migration_id, sha256) values (%s, %s)
        on conflict (migration_id) do update
            set sha256 = excluded.sha256, applied_at = now(), applied_by = current_user
        """,
        (migration_id, sha256),
    )


def record_definition(connection: psycopg.Connection, path: str, sha256: str) -> None:
    connection.execute(
        f"""
        insert into {SCHEMA}.definitions (path, sha256) values (%s, %s)
        on conflict (path) do update
            set sha256 = excluded.sha256, applied_at = now(), applied_by = current_user
        """,
        (path, sha256),
    )


def clear_stale_yoyo_locks(connection: psycopg.Connection) -> None:
    """Delete yoyo's lock rows: while this run holds the advisory lock, any such row is stale.

    yoyo writes a row into yoyo_lock around its internal schema upgrade. A process killed inside
    that window leaves the row behind, so yoyo would wait for a dead process.
    """
    if not table_exists(connection, "yoyo_lock"):
        return
    rows = connection.execute(f"delete from {SCHEMA}.yoyo_lock returning pid, ctime").fetchall()
    for pid, created in rows:
        log.warning(
            "Removed a stale yoyo lock row left by process %s at %s (no run holds the lock)",
            pid,
            created,
        )


class RunLock:
    """The session-level advisory lock that makes one ilp-db run at a time per database.

    The lock belongs to the server session, so it disappears when the runner's connection ends.
    That includes a runner killed with SIGKILL, so the lock never needs releasing by hand.
    """

    def __init__(self, connection: psycopg.Connection, wait_seconds: float):
        self.connection = connection
        self.wait_seconds = wait_seconds

    def __enter__(self) -> "RunLock":
        deadline = time.monotonic() + self.wait_seconds
        announced = False
        while True:
            row = self.connection.execute(
                "select pg_try_advisory_lock(%s)", (ADVISORY_LOCK_KEY,)
            ).fetchone()
            if row and row[0]:
                return self
            holder = self.holder()
            if time.monotonic() >= deadline:
                raise LockWaitTimeout(
                    f"another run holds the migration lock ({holder}) and it was not released "
                    f"within {self.wait_seconds:g} s; wait for it to finish, raise --lock-wait, "
                    "or end it with: select pg_terminate_backend(<pid>)"
                )
            if not announced:
                log.info("Waiting up to %g s for another run to finish (%s)", self.wait_seconds, holder)
                announced = True
            time.sleep(0.2)

    def holder(self) -> str:
        row = self.connection.execute(
            """
            select a.pid, a.application_name, a.backend_start
            from pg_locks as l
            join pg_stat_activity as a on a.pid = l.pid
            where l.locktype = 'advisory'
              and l.database = (select oid from pg_database where datname = current_database())
              and l.granted
              and ((l.classid::bigint << 32) | l.objid::bigint) = %s
            limit 1
            """,
            (ADVISORY_LOCK_KEY,),
        ).fetchone()
        if row is None:
            return "holder unknown"
        pid, application, started = row
        return f"backend pid {pid}, application '{application}', connected since {started:%Y-%m-%d %H:%M:%S}"

    def __exit__(self, *exc_info) -> None:
        if self.connection.closed:
            return
        try:
            self.connection.execute("select pg_advisory_unlock(%s)", (ADVISORY_LOCK_KEY,))
        except psycopg.Error:
            # The session ends right after a run; the server drops the lock with it.
            log.debug("could not release the advisory lock explicitly", exc_info=True)
