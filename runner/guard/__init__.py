"""The destructive-change guard: find statements in migrations that drop, narrow or lock.

The guard parses each migration with pglast (PostgreSQL's own parser) and reports every
statement that removes or renames an object, loses or rewrites data, or holds a lock that
blocks a busy table for long. It is pure: it reads only the text it is given (and, in
`check_migrations`, the files named), never a database, and it neither prints nor logs.

Typical use by the runner:

    findings = check_migrations(pending_paths, GuardConfig.from_pyproject(pyproject), lookup)
    if blocking(findings, allow_flag=options.allow_destructive):
        ...  # apply nothing

docs/migrations.md lists the operations and their safe alternatives for migration authors.
"""

from runner.guard.check import blocking, check_migration, check_migrations
from runner.guard.definitions import check_definition
from runner.guard.model import ALLOWABLE_OPERATIONS, OPERATIONS, Finding, GuardConfig, Severity
from runner.guard.state import ColumnTypeLookup

__all__ = [
    "ALLOWABLE_OPERATIONS",
    "OPERATIONS",
    "ColumnTypeLookup",
    "Finding",
    "GuardConfig",
    "Severity",
    "blocking",
    "check_definition",
    "check_migration",
    "check_migrations",
]
