"""The guard's findings, its configuration and its fixed vocabulary of operations."""

from __future__ import annotations

import dataclasses
import pathlib
import re
import tomllib
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")

ALLOW_EXAMPLE = "-- allow: <operation> because <reason>"

# Every operation the guard reports, with the safe way to reach the same goal. The names are a
# stable interface: migration files name them in allow directives, so never rename one.
OPERATIONS: dict[str, str] = {
    "drop_table": (
        "expand and contract: stop every read and write of the table, release that, and drop it "
        "in a later migration with '-- allow: drop_table because <reason>'"
    ),
    "drop_column": (
        "expand and contract: stop reading and writing the column, release that, and drop it in "
        "a later migration with '-- allow: drop_column because <reason>'"
    ),
    "drop_constraint": (
        "keep the constraint. To replace it, add the new one 'not valid' beside it, validate it "
        "in a later migration, and only then drop the old one under an allow directive"
    ),
    "drop_type": (
        "keep the type, move its columns to a new type by expand and contract, and then drop "
        "the old type under an allow directive"
    ),
    "drop_schema": (
        "keep the schema, move its objects out by expand and contract, and then drop it under "
        "an allow directive"
    ),
    "drop_view": (
        "keep the view, which 'create or replace view' can extend with new columns at the end, "
        "and drop it under an allow directive once no reader uses it"
    ),
    "drop_function": (
        "keep the function or 'create or replace' it with the same signature, and drop it under "
        "an allow directive once no caller uses it"
    ),
    "drop_policy": (
        "change the policy in its file under sql/policies/, which the runner re-applies, and "
        "drop it in a migration only under an allow directive"
    ),
    "drop_index": (
        "keep the index. To remove it, use 'drop index concurrently' alone in a migration with "
        "'-- transactional: false' and an allow directive"
    ),
    "drop_trigger": (
        "change the trigger in its function's file under sql/functions/ with 'create or "
        "replace trigger', and drop it in a migration only under an allow directive"
    ),
    "drop_sequence": (
        "keep the sequence, and drop it under an allow directive once no default or query uses it"
    ),
    "drop_extension": "keep the extension, or drop it under an allow directive",
    "drop_object": "keep the object, or drop it under an allow directive",
    "truncate": (
        "delete the rows that must go with a 'where' clause, in batches, or allow the truncate "
        "with '-- allow: truncate because <reason>'"
    ),
    "delete_without_where": (
        "add a 'where' clause that selects the rows to delete, and delete a large set in "
        "batches of about 10,000 rows, each in its own transaction"
    ),
    "update_without_where": (
        "add a 'where' clause that selects the rows to change, and update a large set in "
        "batches of about 10,000 rows, each in its own transaction"
    ),
    "rename_table": (
        "create the table under the new name, write to both, backfill in batches and switch "
        "readers, then drop the old table under an allow directive"
    ),
    "rename_view": (
        "create the view under the new name beside the old one, switch readers, then drop the "
        "old view under an allow directive"
    ),
    "rename_column": (
        "add a column with the new name, write to both, backfill in batches, switch readers, "
        "then drop the old column under an allow directive"
    ),
    "rename_schema": "create the new schema and move objects into it by expand and contract",
    "rename_type": "create a type under the new name and move columns to it by expand and contract",
    "rename_enum_value": (
        "add the new value with 'alter type ... add value', move rows to it in batches, and "
        "stop writing the old value, because PostgreSQL cannot remove an enum value"
    ),
    "rename_function": (
        "create the function under the new name beside the old one, switch callers, then drop "
        "the old one under an allow directive"
    ),
    "set_schema": "create the object in the new schema by expand and contract",
    "alter_column_type": (
        "add a column of the new type, write to both, backfill in batches, switch readers, "
        "then drop the old column under an allow directive"
    ),
    "rewrite_column_type": (
        "for a large table, add a column of the new type, write to both, backfill in batches "
        "and switch readers, or allow the rewrite for a maintenance window"
    ),
    "add_column_not_null": (
        "add the column nullable or with a constant default (PostgreSQL 11 and later add that "
        "without a rewrite), backfill in batches, then enforce not null through a 'not valid' "
        "check constraint"
    ),
    "add_column_rewrite": (
        "add the column without a default, set the default with 'alter column ... set default' "
        "(which applies to new rows only), then backfill existing rows in batches"
    ),
    "set_not_null": (
        "add 'check (<column> is not null) not valid' in one migration. In a later migration, "
        "validate it and then set not null, which PostgreSQL 12 and later do without a scan"
    ),
    "drop_not_null": (
        "make every reader handle null first, which is usually the first step of removing the "
        "column by expand and contract"
    ),
    "add_constraint_without_not_valid": (
        "add the constraint with 'not valid', which checks new rows only, and run 'validate "
        "constraint' in a later migration, which does not block writes"
    ),
    "add_constraint_with_index": (
        "create a unique index concurrently in a migration with '-- transactional: false', "
        "then add the constraint with 'unique using index' or 'primary key using index'"
    ),
    "validate_constraint_same_transaction": (
        "validate the constraint in a later migration, so that the lock taken by 'add "
        "constraint' is released before the validation scan starts"
    ),
    "non_concurrent_index": (
        "use 'create index concurrently' alone in a migration with '-- transactional: false'"
    ),
    "needs_transactional_false": (
        "put the statement alone in a migration whose leading comments contain "
        "'-- transactional: false'"
    ),
    "non_transactional_multiple_statements": (
        "put each statement that needs '-- transactional: false' in a migration of its own, so "
        "that a failure cannot leave the file half applied"
    ),
    "unneeded_transactional_false": (
        "remove '-- transactional: false', so the migration runs in one transaction"
    ),
    "transaction_control": (
        "remove the statement, because the runner runs each migration in its own transaction"
    ),
    "dynamic_sql": (
        "write the statement out in the migration instead of building it at run time, so the "
        "guard can check it"
    ),
    "syntax_error": "fix the SQL so that PostgreSQL can parse it",
    "invalid_allow_directive": (
        f"write '{ALLOW_EXAMPLE}' in the leading comment block, naming an operation from the "
        "guard's list"
    ),
    "unused_allow_directive": (
        "remove the directive, or check that the statement it was meant for is in this file"
    ),
    "definition_statement": (
        "keep definition files to create or replace function, procedure, trigger and view, "
        "create and alter policy, grant, revoke, comment, and enable or force row level "
        "security; put any other statement in a migration, where the guard checks it"
    ),
    "definition_drop": (
        "drop a function, procedure, trigger, view or policy in a definition file only to "
        "re-create it under the same name in the same file; remove an object for good in a "
        "migration with an allow directive"
    ),
}

# Operations that an allow directive cannot cover, because they report the file or the
# directives themselves, or concern definition files, which take no directives.
NOT_ALLOWABLE = frozenset(
    {
        "syntax_error",
        "invalid_allow_directive",
        "unused_allow_directive",
        "definition_statement",
        "definition_drop",
    }
)
ALLOWABLE_OPERATIONS = frozenset(OPERATIONS) - NOT_ALLOWABLE


STATEMENT_SUMMARY_LENGTH = 80


def summarize_statement(text: str) -> str:
    """Return the statement on one line, without its semicolon, cut to 80 characters."""
    flat = re.sub(r"\s+", " ", text).strip().rstrip(";").strip()
    if len(flat) <= STATEMENT_SUMMARY_LENGTH:
        return flat
    return flat[: STATEMENT_SUMMARY_LENGTH - 3] + "..."


@dataclasses.dataclass(frozen=True)
class Finding:
    """One guarded operation found in a migration file.

    `line` is 1-based and points at the first line of the statement. `allowed` is true when an
    allow directive in the file covers the operation, and `reason` then contains the
    directive's reason.
    """

    path: pathlib.Path
    line: int
    operation: str
    statement: str
    message: str
    alternative: str
    severity: Severity
    allowed: bool = False
    reason: str | None = None

    def format(self) -> str:
        """Render the finding as one line: file, line, severity, operation, problem, fix."""
        text = (
            f"{self.path}:{self.line}: {self.severity}: {self.operation}: {self.message}. "
            f"Safe alternative: {self.alternative}."
        )
        if self.allowed:
            text += f" Allowed by directive: {self.reason}"
        return text


@dataclasses.dataclass(frozen=True)
class GuardConfig:
    """Settings of the guard, read from `[tool.ilp-db.guard]` in pyproject.toml.

    `non_concurrent_index` is the severity of a `create index` without `concurrently` on an
    existing table. `table_rewrite` is the severity of a statement that rewrites an existing
    table under an ACCESS EXCLUSIVE lock without losing data (`rewrite_column_type`,
    `add_column_rewrite`).
    """

    non_concurrent_index: Severity = "error"
    table_rewrite: Severity = "error"

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value not in SEVERITIES:
                raise ValueError(
                    f"invalid guard setting {field.name} = {value!r}: "
                    f"expected one of {', '.join(repr(s) for s in SEVERITIES)}"
                )

    @classmethod
    def from_pyproject(cls, path: pathlib.Path) -> GuardConfig:
        """Read `[tool.ilp-db.guard]` from the pyproject.toml at `path`.

        A missing file or a missing table gives the defaults. Raises ValueError for an unknown
        key or an invalid value, and tomllib.TOMLDecodeError for a file that is not TOML.
        """
        try:
            with open(path, "rb") as file:
                document = tomllib.load(file)
        except FileNotFoundError:
            return cls()

        table = document.get("tool", {}).get("ilp-db", {}).get("guard", {})
        if not isinstance(table, dict):
            raise ValueError(f"invalid [tool.ilp-db.guard] in {path}: expected a table")
        known = {field.name for field in dataclasses.fields(cls)}
        unknown = sorted(set(table) - known)
        if unknown:
            raise ValueError(
                f"unknown key(s) {', '.join(unknown)} in [tool.ilp-db.guard] of {path}: "
                f"expected {', '.join(sorted(known))}"
            )
        return cls(**table)
