"""What the guard remembers while it reads the migrations of one run, in order."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from pglast import ast

from runner.guard.column_types import ColumnType

# (schema, table); the schema is None when the statement leaves the name unqualified.
TableKey = tuple[str | None, str]

ColumnTypeLookup = Callable[[str | None, str, str], str | None]
"""Return a column's current type as format_type() prints it, or None when it does not exist.

Called as lookup(schema, table, column); schema is None when the migration leaves the table
name unqualified.
"""


def table_key(relation: ast.RangeVar) -> TableKey:
    """Return the key of the table that a RangeVar names."""
    return (relation.schemaname, relation.relname)


def table_label(table: TableKey) -> str:
    """Return the table name as a migration would write it."""
    schema, name = table
    return f"{schema}.{name}" if schema else name


def same_table(first: TableKey, second: TableKey) -> bool:
    """Compare two table keys, where an unqualified name matches the same name in any schema."""
    if first[1] != second[1]:
        return False
    return first[0] is None or second[0] is None or first[0] == second[0]


def contains_table(tables: Iterable[TableKey], table: TableKey) -> bool:
    """Return whether any key in `tables` names `table`."""
    return any(same_table(known, table) for known in tables)


@dataclasses.dataclass
class RunState:
    """Knowledge carried from one migration file to the next within one run.

    `column_types` contains the type of every column that an earlier statement of the run created
    or changed. `not_null_checks` maps a check constraint added in the run to the columns its
    expression proves not null. `proven_not_null` holds (table, column) pairs whose validated
    check constraint proves them not null. `validated_unknown` holds tables on which the run
    validated a constraint that an earlier, already applied migration added.
    """

    column_types: dict[tuple[TableKey, str], ColumnType] = dataclasses.field(default_factory=dict)
    not_null_checks: dict[tuple[TableKey, str], frozenset[str]] = dataclasses.field(
        default_factory=dict
    )
    proven_not_null: set[tuple[TableKey, str]] = dataclasses.field(default_factory=set)
    validated_unknown: set[TableKey] = dataclasses.field(default_factory=set)

    def column_type(self, table: TableKey, column: str) -> ColumnType | None:
        """Return the type that the run gave the column most recently, or None."""
        for (known_table, known_column), column_type in reversed(self.column_types.items()):
            if known_column == column and same_table(known_table, table):
                return column_type
        return None

    def set_column_type(self, table: TableKey, column: str, column_type: ColumnType) -> None:
        """Record the column's type, replacing an older record of the same column."""
        self.column_types.pop((table, column), None)
        self.column_types[(table, column)] = column_type

    def not_null_check(self, table: TableKey, constraint: str) -> frozenset[str] | None:
        """Return the columns proven by a check constraint added in this run, or None."""
        for (known_table, name), columns in self.not_null_checks.items():
            if name == constraint and same_table(known_table, table):
                return columns
        return None

    def is_proven_not_null(self, table: TableKey, column: str) -> bool:
        """Return whether a validated check constraint of the run proves the column not null."""
        if contains_table(self.validated_unknown, table):
            return True
        return any(
            known_column == column and same_table(known_table, table)
            for known_table, known_column in self.proven_not_null
        )
