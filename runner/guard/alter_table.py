"""Checks of `create table` and `alter table`: columns, types, not null and constraints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pglast import ast
from pglast.enums import AlterTableType, ConstrType, NullTestType, ObjectType
from pglast.stream import RawStream

from runner.guard.column_types import (
    ColumnType,
    classify_change,
    column_type_from_node,
    parse_column_type,
)
from runner.guard.state import TableKey, same_table, table_key, table_label

if TYPE_CHECKING:
    from runner.guard.checker import FileCheck

# Functions that are not volatile, so a column default that calls only these is evaluated once
# and PostgreSQL 11 and later add the column without rewriting the table. Any other function
# counts as possibly volatile.
_NON_VOLATILE_FUNCTIONS = frozenset(
    {
        "now",
        "statement_timestamp",
        "transaction_timestamp",
        "current_setting",
        "json_build_array",
        "json_build_object",
        "jsonb_build_array",
        "jsonb_build_object",
        "make_interval",
    }
)

_SERIAL_TYPES = frozenset({"serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"})

_INDEXED_CONSTRAINTS = {
    ConstrType.CONSTR_PRIMARY: "primary key",
    ConstrType.CONSTR_UNIQUE: "unique",
    ConstrType.CONSTR_EXCLUSION: "exclusion",
}

# `alter table`, `alter foreign table` and `alter materialized view` change relations with rows;
# `alter type` on a composite type changes no stored row by itself.
_RELATION_TYPES = (
    ObjectType.OBJECT_TABLE,
    ObjectType.OBJECT_FOREIGN_TABLE,
    ObjectType.OBJECT_MATVIEW,
)


def record_create_table(checker: FileCheck, node: ast.CreateStmt) -> None:
    """Remember a table created by the file and the types of its columns."""
    table = table_key(node.relation)
    checker.created_tables.append(table)
    for element in node.tableElts or ():
        if isinstance(element, ast.ColumnDef) and element.typeName is not None:
            column_type = column_type_from_node(element.typeName)
            checker.run.set_column_type(table, element.colname, column_type)


def check_alter_table(
    checker: FileCheck, node: ast.AlterTableStmt, line: int, statement: str
) -> None:
    """Check every subcommand of one `alter table` (or `alter type`) statement."""
    table = table_key(node.relation)
    is_relation = node.objtype in _RELATION_TYPES
    for command in node.cmds:
        subtype = command.subtype
        if subtype == AlterTableType.AT_DropColumn:
            kind = "column" if is_relation else "attribute"
            message = (
                f"dropping {kind} {command.name} of {table_label(table)} deletes its data and "
                "breaks every query that uses it"
            )
            checker.report(line, "drop_column", statement, message)
        elif subtype == AlterTableType.AT_DropConstraint:
            message = (
                f"dropping constraint {command.name} of {table_label(table)} stops enforcing "
                "a rule that existing code may rely on"
            )
            checker.report(line, "drop_constraint", statement, message)
        elif subtype == AlterTableType.AT_DetachPartition and command.def_.concurrent:
            checker.require_no_transaction(line, statement, "detach partition concurrently")
        elif not is_relation:
            continue
        elif subtype == AlterTableType.AT_AddColumn:
            _check_add_column(checker, table, command.def_, line, statement)
        elif subtype == AlterTableType.AT_AlterColumnType:
            _check_column_type(checker, table, command.name, command.def_, line, statement)
        elif subtype == AlterTableType.AT_SetNotNull:
            _check_set_not_null(checker, table, command.name, line, statement)
        elif subtype == AlterTableType.AT_DropNotNull and not checker.is_new_table(table):
            message = (
                f"drop not null on column {command.name} of {table_label(table)} lets the column "
                "hold nulls, which breaks readers that assume it never does"
            )
            checker.report(line, "drop_not_null", statement, message, "warning")
        elif subtype == AlterTableType.AT_AddConstraint:
            _check_add_constraint(checker, table, command.def_, line, statement)
        elif subtype == AlterTableType.AT_ValidateConstraint:
            _check_validate(checker, table, command.name, line, statement)


def _check_add_column(
    checker: FileCheck, table: TableKey, column: ast.ColumnDef, line: int, statement: str
) -> None:
    """Check `add column`: not null without default, defaults that rewrite, inline constraints."""
    column_type = column_type_from_node(column.typeName)
    checker.run.set_column_type(table, column.colname, column_type)
    if checker.is_new_table(table):
        return

    name = f"{column.colname} on {table_label(table)}"
    constraints = list(column.constraints or ())
    kinds = {constraint.contype for constraint in constraints}
    default = next(
        (c.raw_expr for c in constraints if c.contype == ConstrType.CONSTR_DEFAULT), None
    )
    fills_rows = None
    if ConstrType.CONSTR_IDENTITY in kinds:
        fills_rows = "an identity column"
    elif ConstrType.CONSTR_GENERATED in kinds:
        fills_rows = "a stored generated column"
    elif column_type.base_name in _SERIAL_TYPES:
        fills_rows = f"a {column_type.base_name} column"

    not_null = column.is_not_null or ConstrType.CONSTR_NOTNULL in kinds
    if not_null and default is None and fills_rows is None:
        message = (
            f"new column {name} is not null without a default, so the statement fails once the "
            "table has rows"
        )
        checker.report(line, "add_column_not_null", statement, message)

    if fills_rows is not None:
        message = (
            f"new column {name} is {fills_rows}, which PostgreSQL fills for every existing row "
            "by rewriting the table under an ACCESS EXCLUSIVE lock"
        )
        checker.report(line, "add_column_rewrite", statement, message, checker.config.table_rewrite)
    elif default is not None and not _is_non_volatile(default):
        message = (
            f"the default {RawStream()(default)} of new column {name} may be volatile, and a "
            "volatile default makes PostgreSQL rewrite the table under an ACCESS EXCLUSIVE lock"
        )
        checker.report(line, "add_column_rewrite", statement, message, checker.config.table_rewrite)

    for constraint in constraints:
        _check_new_constraint(checker, table, constraint, line, statement)


def _check_column_type(
    checker: FileCheck,
    table: TableKey,
    column: str,
    definition: ast.ColumnDef,
    line: int,
    statement: str,
) -> None:
    """Check `alter column ... type` against the column's current type."""
    new_type = column_type_from_node(definition.typeName)
    old_type = _current_column_type(checker, table, column)
    checker.run.set_column_type(table, column, new_type)
    if checker.is_new_table(table):
        return

    name = f"column {column} of {table_label(table)}"
    if old_type is None:
        message = (
            f"the current type of {name} could not be determined (no earlier migration of this "
            "run creates it, and the catalog lookup returned no type that the guard can parse), "
            f"so changing it to {new_type.sql} counts as narrowing"
        )
        checker.report(line, "alter_column_type", statement, message)
        return

    change_text = f"changing {name} from {old_type.sql} to {new_type.sql}"
    if definition.raw_default is not None:
        message = f"{change_text} with a using expression may change every value"
        checker.report(line, "alter_column_type", statement, message)
        return
    if definition.collClause is not None:
        message = f"{change_text} with a new collation changes how values compare and sort"
        checker.report(line, "alter_column_type", statement, message)
        return

    change = classify_change(old_type, new_type)
    if change == "narrowing":
        message = f"{change_text} is not a known widening, so values may be lost or change meaning"
        checker.report(line, "alter_column_type", statement, message)
    elif change == "rewrite":
        message = (
            f"{change_text} keeps every value but rewrites the table and its indexes under an "
            "ACCESS EXCLUSIVE lock"
        )
        checker.report(
            line, "rewrite_column_type", statement, message, checker.config.table_rewrite
        )


def _current_column_type(checker: FileCheck, table: TableKey, column: str) -> ColumnType | None:
    """Return the column's type from earlier statements of the run, else from the catalog."""
    known = checker.run.column_type(table, column)
    if known is not None:
        return known
    if checker.column_type_lookup is None:
        return None
    text = checker.column_type_lookup(table[0], table[1], column)
    return parse_column_type(text) if text else None


def _check_set_not_null(
    checker: FileCheck, table: TableKey, column: str, line: int, statement: str
) -> None:
    """Check `alter column ... set not null`, which scans the table unless a check proves it."""
    if checker.is_new_table(table) or checker.run.is_proven_not_null(table, column):
        return
    message = (
        f"set not null on column {column} of {table_label(table)} scans the whole table under "
        "an ACCESS EXCLUSIVE lock, which blocks reads and writes, unless a validated check "
        "constraint proves the column not null"
    )
    checker.report(line, "set_not_null", statement, message)


def _check_add_constraint(
    checker: FileCheck, table: TableKey, constraint: ast.Constraint, line: int, statement: str
) -> None:
    """Check `add constraint` and remember what a check constraint proves."""
    if constraint.contype == ConstrType.CONSTR_CHECK and constraint.conname:
        columns = _not_null_columns(constraint.raw_expr)
        checker.run.not_null_checks[(table, constraint.conname)] = columns
        if not constraint.skip_validation:
            checker.run.proven_not_null.update((table, column) for column in columns)
    if constraint.skip_validation and constraint.conname:
        checker.not_valid_constraints.append((table, constraint.conname))

    if not checker.is_new_table(table):
        _check_new_constraint(checker, table, constraint, line, statement)


def _check_new_constraint(
    checker: FileCheck, table: TableKey, constraint: ast.Constraint, line: int, statement: str
) -> None:
    """Report a constraint on an existing table that scans it or builds an index under a lock."""
    name = constraint.conname or "(unnamed)"
    if constraint.contype in _INDEXED_CONSTRAINTS and not constraint.indexname:
        kind = _INDEXED_CONSTRAINTS[constraint.contype]
        message = (
            f"adding {kind} constraint {name} on {table_label(table)} builds an index under an "
            "ACCESS EXCLUSIVE lock, which blocks reads and writes until it is built"
        )
        checker.report(
            line,
            "add_constraint_with_index",
            statement,
            message,
            checker.config.non_concurrent_index,
        )
    elif constraint.contype == ConstrType.CONSTR_FOREIGN and not constraint.skip_validation:
        referenced = table_label(table_key(constraint.pktable))
        message = (
            f"adding foreign key {name} on {table_label(table)} without not valid scans the "
            f"table while a SHARE ROW EXCLUSIVE lock blocks writes to {table_label(table)} and "
            f"{referenced}"
        )
        checker.report(line, "add_constraint_without_not_valid", statement, message, "warning")
    elif constraint.contype == ConstrType.CONSTR_CHECK and not constraint.skip_validation:
        message = (
            f"adding check constraint {name} on {table_label(table)} without not valid scans "
            "the table under an ACCESS EXCLUSIVE lock, which blocks reads and writes"
        )
        checker.report(line, "add_constraint_without_not_valid", statement, message, "warning")


def _check_validate(
    checker: FileCheck, table: TableKey, constraint: str, line: int, statement: str
) -> None:
    """Check `validate constraint` and record the columns it proves not null."""
    added_here = any(
        name == constraint and same_table(known, table)
        for known, name in checker.not_valid_constraints
    )
    if checker.transactional and added_here:
        message = (
            f"validating {constraint} in the migration that added it keeps the lock of 'add "
            f"constraint' on {table_label(table)} through the whole validation scan"
        )
        checker.report(
            line, "validate_constraint_same_transaction", statement, message, "warning"
        )

    columns = checker.run.not_null_check(table, constraint)
    if columns is None:
        # NOTE: an earlier, already applied migration added this constraint, and the guard
        # cannot see its expression, so it trusts a following `set not null` on this table.
        checker.run.validated_unknown.add(table)
    else:
        checker.run.proven_not_null.update((table, column) for column in columns)


def _not_null_columns(expression: ast.Node | None) -> frozenset[str]:
    """Return the columns that `col is not null [and ...]` proves not null."""
    if isinstance(expression, ast.NullTest):
        argument = expression.arg
        if (
            expression.nulltesttype == NullTestType.IS_NOT_NULL
            and isinstance(argument, ast.ColumnRef)
            and isinstance(argument.fields[-1], ast.String)
        ):
            return frozenset({argument.fields[-1].sval})
        return frozenset()
    if isinstance(expression, ast.BoolExpr) and expression.boolop.name == "AND_EXPR":
        columns: frozenset[str] = frozenset()
        for argument in expression.args:
            columns |= _not_null_columns(argument)
        return columns
    return frozenset()


def _is_non_volatile(expression: ast.Node) -> bool:
    """Return whether a default expression surely is not volatile."""
    if isinstance(expression, (ast.A_Const, ast.SQLValueFunction)):
        return True
    if isinstance(expression, ast.TypeCast):
        return _is_non_volatile(expression.arg)
    if isinstance(expression, ast.A_ArrayExpr):
        return all(_is_non_volatile(element) for element in expression.elements or ())
    if isinstance(expression, ast.FuncCall):
        name = expression.funcname[-1].sval
        arguments = expression.args or ()
        return name in _NON_VOLATILE_FUNCTIONS and all(_is_non_volatile(a) for a in arguments)
    return False
