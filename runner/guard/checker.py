"""Checks of single statements: drops, renames, deletes and updates, indexes, transactions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from pglast import ast
from pglast.enums import ObjectType

from runner.guard import alter_table, do_blocks
from runner.guard.model import OPERATIONS, GuardConfig, Severity
from runner.guard.state import ColumnTypeLookup, RunState, TableKey, contains_table, table_key
from runner.guard.state import table_label

_DROP_OPERATIONS: dict[ObjectType, tuple[str, str]] = {
    ObjectType.OBJECT_TABLE: ("drop_table", "table"),
    ObjectType.OBJECT_FOREIGN_TABLE: ("drop_table", "foreign table"),
    ObjectType.OBJECT_VIEW: ("drop_view", "view"),
    ObjectType.OBJECT_MATVIEW: ("drop_view", "materialized view"),
    ObjectType.OBJECT_INDEX: ("drop_index", "index"),
    ObjectType.OBJECT_SEQUENCE: ("drop_sequence", "sequence"),
    ObjectType.OBJECT_TYPE: ("drop_type", "type"),
    ObjectType.OBJECT_DOMAIN: ("drop_type", "domain"),
    ObjectType.OBJECT_SCHEMA: ("drop_schema", "schema"),
    ObjectType.OBJECT_FUNCTION: ("drop_function", "function"),
    ObjectType.OBJECT_PROCEDURE: ("drop_function", "procedure"),
    ObjectType.OBJECT_ROUTINE: ("drop_function", "routine"),
    ObjectType.OBJECT_AGGREGATE: ("drop_function", "aggregate"),
    ObjectType.OBJECT_POLICY: ("drop_policy", "policy"),
    ObjectType.OBJECT_TRIGGER: ("drop_trigger", "trigger"),
    ObjectType.OBJECT_EXTENSION: ("drop_extension", "extension"),
}

_RENAME_OPERATIONS: dict[ObjectType, tuple[str, str]] = {
    ObjectType.OBJECT_TABLE: ("rename_table", "table"),
    ObjectType.OBJECT_FOREIGN_TABLE: ("rename_table", "foreign table"),
    ObjectType.OBJECT_VIEW: ("rename_view", "view"),
    ObjectType.OBJECT_MATVIEW: ("rename_view", "materialized view"),
    ObjectType.OBJECT_COLUMN: ("rename_column", "column"),
    ObjectType.OBJECT_ATTRIBUTE: ("rename_column", "attribute"),
    ObjectType.OBJECT_SCHEMA: ("rename_schema", "schema"),
    ObjectType.OBJECT_TYPE: ("rename_type", "type"),
    ObjectType.OBJECT_DOMAIN: ("rename_type", "domain"),
    ObjectType.OBJECT_FUNCTION: ("rename_function", "function"),
    ObjectType.OBJECT_PROCEDURE: ("rename_function", "procedure"),
    ObjectType.OBJECT_ROUTINE: ("rename_function", "routine"),
    ObjectType.OBJECT_AGGREGATE: ("rename_function", "aggregate"),
}

# Statements that PostgreSQL 15 refuses to run inside a transaction block (besides the
# `concurrently` forms, which the handlers check themselves).
_NON_TRANSACTIONAL_NODES: dict[type, str] = {
    ast.CreatedbStmt: "create database",
    ast.DropdbStmt: "drop database",
    ast.AlterSystemStmt: "alter system",
    ast.CreateTableSpaceStmt: "create tablespace",
    ast.DropTableSpaceStmt: "drop tablespace",
}


@dataclasses.dataclass(frozen=True)
class RawFinding:
    """A finding before allow directives are applied to it."""

    line: int
    operation: str
    statement: str
    message: str
    severity: Severity


class FileCheck:
    """The checks of one migration file, with what the file has created so far.

    `check` inspects one parsed statement and appends to `findings`. `needs_no_transaction`
    counts statements that must run outside a transaction block, and `may_commit` counts
    statements (CALL, DO) that may commit by themselves, so the caller can judge whether
    `-- transactional: false` is needed.
    """

    def __init__(
        self,
        config: GuardConfig,
        transactional: bool,
        run: RunState,
        column_type_lookup: ColumnTypeLookup | None,
        line_of_offset: Callable[[int], int],
    ) -> None:
        self.config = config
        self.transactional = transactional
        self.run = run
        self.column_type_lookup = column_type_lookup

        self.created_tables: list[TableKey] = []
        self.not_valid_constraints: list[tuple[TableKey, str]] = []
        self.findings: list[RawFinding] = []
        self.needs_no_transaction = 0
        self.may_commit = 0
        self._line_of_offset = line_of_offset
        self._nesting = 0

        self._handlers = {
            ast.DropStmt: self._check_drop,
            ast.TruncateStmt: self._check_truncate,
            ast.DeleteStmt: self._check_delete,
            ast.UpdateStmt: self._check_update,
            ast.RenameStmt: self._check_rename,
            ast.AlterEnumStmt: self._check_alter_enum,
            ast.AlterObjectSchemaStmt: self._check_set_schema,
            ast.TransactionStmt: self._check_transaction,
            ast.IndexStmt: self._check_index,
            ast.ReindexStmt: self._check_reindex,
            ast.VacuumStmt: self._check_vacuum,
            ast.DropRoleStmt: self._check_drop_role,
            ast.DropOwnedStmt: self._check_drop_owned,
            ast.DropdbStmt: self._check_drop_database,
            ast.DropTableSpaceStmt: self._check_drop_tablespace,
            ast.AlterDomainStmt: self._check_alter_domain,
            ast.CreateStmt: self._check_create_table,
            ast.CreateTableAsStmt: self._check_create_table_as,
            ast.AlterTableStmt: self._check_alter_table,
            ast.DoStmt: self._check_do,
            ast.CallStmt: self._count_commit,
        }

    def report(
        self,
        line: int,
        operation: str,
        statement: str,
        message: str,
        severity: Severity = "error",
    ) -> None:
        """Record a finding of `operation`, which must be in the guard's vocabulary."""
        assert operation in OPERATIONS, operation
        self.findings.append(RawFinding(line, operation, statement, message, severity))

    def is_new_table(self, table: TableKey) -> bool:
        """Return whether this file created the table, so it contains no rows that others wrote."""
        return contains_table(self.created_tables, table)

    def require_no_transaction(self, line: int, statement: str, what: str) -> None:
        """Count a statement that cannot run in a transaction, and report it if the file has one."""
        self.needs_no_transaction += 1
        if self.transactional:
            self.report(
                line,
                "needs_transactional_false",
                statement,
                f"{what} cannot run inside a transaction block, and this migration runs in one",
            )

    def locate(self, offset: int) -> int | None:
        """Return the line of a parse-tree location, or None inside a nested statement.

        Locations in a statement taken from a `do` block count from the start of that
        statement's text, not of the file.
        """
        return None if self._nesting else self._line_of_offset(offset)

    def check(self, node: ast.Node, line: int, statement: str, nested: bool = False) -> None:
        """Check one parsed statement that starts on `line`.

        `nested` marks a statement taken from the body of a `do` block.
        """
        depth = 1 if nested else 0
        self._nesting += depth
        try:
            handler = self._handlers.get(type(node))
            if handler is not None:
                handler(node, line, statement)
        finally:
            self._nesting -= depth

        what = _NON_TRANSACTIONAL_NODES.get(type(node))
        if what is not None:
            self.require_no_transaction(line, statement, what)

    def _check_drop(self, node: ast.DropStmt, line: int, statement: str) -> None:
        operation, kind = _DROP_OPERATIONS.get(
            node.removeType, ("drop_object", _object_kind(node.removeType))
        )
        names = ", ".join(_object_name(node.removeType, obj) for obj in node.objects)
        message = f"drop {kind} {names} removes an existing {kind}"
        if operation == "drop_table":
            message += " and every row in it"
        if node.behavior is not None and node.behavior.name == "DROP_CASCADE":
            message += ", and cascade also drops every object that depends on it"
        self.report(line, operation, statement, message)

        if node.concurrent:
            self.require_no_transaction(line, statement, f"drop {kind} concurrently")

    def _check_truncate(self, node: ast.TruncateStmt, line: int, statement: str) -> None:
        names = ", ".join(table_label(table_key(relation)) for relation in node.relations)
        self.report(line, "truncate", statement, f"truncate {names} deletes every row")

    def _check_delete(self, node: ast.DeleteStmt, line: int, statement: str) -> None:
        if node.whereClause is None:
            name = table_label(table_key(node.relation))
            message = f"delete from {name} has no where clause, so it deletes every row"
            self.report(line, "delete_without_where", statement, message)

    def _check_update(self, node: ast.UpdateStmt, line: int, statement: str) -> None:
        if node.whereClause is None:
            name = table_label(table_key(node.relation))
            message = f"update {name} has no where clause, so it changes every row"
            self.report(line, "update_without_where", statement, message)

    def _check_rename(self, node: ast.RenameStmt, line: int, statement: str) -> None:
        entry = _RENAME_OPERATIONS.get(node.renameType)
        if entry is None:
            # Renaming an index, constraint, trigger, policy or sequence does not break the
            # queries and clients that use the tables.
            return
        operation, kind = entry
        if node.renameType in (ObjectType.OBJECT_COLUMN, ObjectType.OBJECT_ATTRIBUTE):
            old_name = f"{node.subname} of {table_label(table_key(node.relation))}"
        elif node.renameType == ObjectType.OBJECT_SCHEMA:
            old_name = node.subname
        elif node.relation is not None:
            old_name = table_label(table_key(node.relation))
        else:
            old_name = _object_name(node.renameType, node.object)
        message = (
            f"renaming {kind} {old_name} to {node.newname} breaks every query and client that "
            "still uses the old name"
        )
        self.report(line, operation, statement, message)

    def _check_alter_enum(self, node: ast.AlterEnumStmt, line: int, statement: str) -> None:
        # `add value` is accepted in a transactional migration: since PostgreSQL 12 it may run
        # in a transaction block, and only using the new value before the commit fails.
        if node.oldVal is None:
            return
        type_name = ".".join(part.sval for part in node.typeName)
        message = (
            f"renaming value {node.oldVal!r} of enum {type_name} to {node.newVal!r} breaks every "
            f"query and client that still writes or compares {node.oldVal!r}"
        )
        self.report(line, "rename_enum_value", statement, message)

    def _check_set_schema(
        self, node: ast.AlterObjectSchemaStmt, line: int, statement: str
    ) -> None:
        kind = _object_kind(node.objectType)
        if node.relation is not None:
            name = table_label(table_key(node.relation))
        else:
            name = _object_name(node.objectType, node.object)
        message = (
            f"moving {kind} {name} to schema {node.newschema} breaks every query and client that "
            "uses the qualified name"
        )
        self.report(line, "set_schema", statement, message)

    def _check_transaction(self, node: ast.TransactionStmt, line: int, statement: str) -> None:
        keyword = node.kind.name.removeprefix("TRANS_STMT_").lower().replace("_", " ")
        message = (
            f"'{keyword}' in a migration interferes with the transaction that the runner opens "
            "for each migration"
        )
        self.report(line, "transaction_control", statement, message)

    def _check_index(self, node: ast.IndexStmt, line: int, statement: str) -> None:
        table = table_key(node.relation)
        index = node.idxname or "(unnamed)"
        if node.concurrent:
            self.require_no_transaction(line, statement, "create index concurrently")
            return
        if self.is_new_table(table):
            return
        message = (
            f"create index {index} on {table_label(table)} without concurrently holds a SHARE "
            "lock that blocks every write to the table until the index is built"
        )
        self.report(
            line, "non_concurrent_index", statement, message, self.config.non_concurrent_index
        )

    def _check_reindex(self, node: ast.ReindexStmt, line: int, statement: str) -> None:
        if any(param.defname == "concurrently" for param in node.params or ()):
            self.require_no_transaction(line, statement, "reindex concurrently")

    def _check_vacuum(self, node: ast.VacuumStmt, line: int, statement: str) -> None:
        if node.is_vacuumcmd:
            self.require_no_transaction(line, statement, "vacuum")

    def _check_drop_role(self, node: ast.DropRoleStmt, line: int, statement: str) -> None:
        names = ", ".join(role.rolename for role in node.roles)
        message = f"drop role {names} removes a role that logins and grants may depend on"
        self.report(line, "drop_object", statement, message)

    def _check_drop_owned(self, node: ast.DropOwnedStmt, line: int, statement: str) -> None:
        names = ", ".join(role.rolename or "(current role)" for role in node.roles)
        message = f"drop owned by {names} drops every object that the role owns"
        self.report(line, "drop_object", statement, message)

    def _check_drop_database(self, node: ast.DropdbStmt, line: int, statement: str) -> None:
        message = f"drop database {node.dbname} deletes the whole database"
        self.report(line, "drop_object", statement, message)

    def _check_drop_tablespace(
        self, node: ast.DropTableSpaceStmt, line: int, statement: str
    ) -> None:
        message = f"drop tablespace {node.tablespacename} removes an existing tablespace"
        self.report(line, "drop_object", statement, message)

    def _check_alter_domain(self, node: ast.AlterDomainStmt, line: int, statement: str) -> None:
        # Subtype 'X' is `alter domain ... drop constraint`.
        if node.subtype == "X":
            domain = ".".join(part.sval for part in node.typeName)
            message = f"dropping constraint {node.name} of domain {domain} stops enforcing a rule"
            self.report(line, "drop_constraint", statement, message)

    def _check_create_table(self, node: ast.CreateStmt, line: int, statement: str) -> None:
        alter_table.record_create_table(self, node)

    def _check_alter_table(self, node: ast.AlterTableStmt, line: int, statement: str) -> None:
        alter_table.check_alter_table(self, node, line, statement)

    def _check_do(self, node: ast.DoStmt, line: int, statement: str) -> None:
        self.may_commit += 1
        do_blocks.check_do_block(self, node, line, statement)

    def _check_create_table_as(
        self, node: ast.CreateTableAsStmt, line: int, statement: str
    ) -> None:
        self.created_tables.append(table_key(node.into.rel))

    def _count_commit(self, node: ast.Node, line: int, statement: str) -> None:
        self.may_commit += 1


def _object_kind(object_type: ObjectType) -> str:
    """Return an object type as SQL spells it, for example `materialized view`."""
    for operations in (_DROP_OPERATIONS, _RENAME_OPERATIONS):
        if object_type in operations:
            return operations[object_type][1]
    return object_type.name.removeprefix("OBJECT_").lower().replace("_", " ")


def _object_name(object_type: ObjectType, obj: ast.Node | tuple) -> str:
    """Return the name of a dropped or renamed object as a migration would write it."""
    if isinstance(obj, ast.String):
        return obj.sval
    if isinstance(obj, ast.TypeName):
        return ".".join(part.sval for part in obj.names)
    if isinstance(obj, ast.ObjectWithArgs):
        return ".".join(part.sval for part in obj.objname)
    if isinstance(obj, tuple):
        parts = [part.sval for part in obj if isinstance(part, ast.String)]
        if object_type in (ObjectType.OBJECT_POLICY, ObjectType.OBJECT_TRIGGER) and len(parts) > 1:
            return f"{parts[-1]} on {'.'.join(parts[:-1])}"
        return ".".join(parts)
    return str(obj)
