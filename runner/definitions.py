"""Repeatable definitions: files under sql/functions and sql/policies, re-applied when changed.

Order: every file under sql/functions sorted by path, then every file under sql/policies sorted by
path. Functions run with `check_function_bodies = off`, so a function may call one whose file sorts
later. Each file runs in its own transaction as one multi-statement query, and its sha256 is
recorded in the same transaction.
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg

from runner import bookkeeping
from runner.errors import MigrationFailed
from runner.migrations import OWNER_ROLE, owner_role_usable, server_notes
from runner.paths import Project

log = logging.getLogger(__name__)

KINDS = ("functions", "policies")


@dataclass
class DefinitionFile:
    """One repeatable definition file and its state in the database."""

    path: Path
    relative: str
    kind: str
    sha256: str
    state: str  # current, changed, new
    applied_at: datetime | None = None


@dataclass
class RemovedDefinition:
    """A definition recorded as applied whose file no longer exists; its objects stay."""

    relative: str
    applied_at: datetime | None


def read_files(project: Project, connection: psycopg.Connection | None) -> tuple[list[DefinitionFile], list[RemovedDefinition]]:
    """Return every definition file in application order with its state, and removed files."""
    recorded = bookkeeping.recorded_definitions(connection) if connection is not None else {}
    files = []
    for kind in KINDS:
        directory = project.sql_dir / kind
        if not directory.is_dir():
            continue
        for path in sorted(directory.rglob("*.sql")):
            relative = project.relative(path)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            entry = recorded.get(relative)
            if entry is None:
                state = "new"
            elif entry["sha256"] != digest:
                state = "changed"
            else:
                state = "current"
            files.append(
                DefinitionFile(
                    path=path,
                    relative=relative,
                    kind=kind,
                    sha256=digest,
                    state=state,
                    applied_at=entry["applied_at"] if entry else None,
                )
            )
    present = {f.relative for f in files}
    removed = [
        RemovedDefinition(relative, entry["applied_at"])
        for relative, entry in sorted(recorded.items())
        if relative not in present
    ]
    return files, removed


def apply_one(project: Project, connection: psycopg.Connection, definition: DefinitionFile) -> float:
    """Apply one definition file in a transaction and record its checksum; return seconds."""
    started = time.monotonic()
    source = definition.path.read_text()
    try:
        with connection.transaction():
            connection.execute("set local search_path = public")
            connection.execute("set local check_function_bodies = off")
            if owner_role_usable(connection):
                connection.execute(f"set local role {OWNER_ROLE}")
            connection.execute(source)
            connection.execute("reset role")
            connection.execute(f"set local search_path = {bookkeeping.SCHEMA}")
            bookkeeping.record_definition(connection, definition.relative, definition.sha256)
    except psycopg.Error as error:
        diag = error.diag
        line = ""
        if diag.statement_position:
            line = f":{source.count(chr(10), 0, int(diag.statement_position) - 1) + 1}"
        text = diag.message_primary or str(error).splitlines()[0]
        hint = server_notes(diag)
        raise MigrationFailed(
            f"{definition.relative}{line}: {text} (SQLSTATE {error.sqlstate}).{hint} "
            "Nothing of this file was applied; the previous definition stays in force."
        ) from None
    return time.monotonic() - started
