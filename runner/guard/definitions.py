"""The guard for repeatable definition files under sql/functions and sql/policies.

The runner re-applies these files whenever they change, outside the migration guard's checks, so
they may hold only statements that (re)define behaviour: create or replace of functions,
procedures, triggers and views, policies, grants, revokes, comments, and enabling or forcing
row-level security. A drop is accepted only
when the same file re-creates the object under the same name, which is how a policy file or a
function whose signature changes is written. Anything else, a `drop table` above all, is
rejected.
"""

import pathlib

import pglast
from pglast import ast, enums

from runner.guard.model import OPERATIONS, Finding, summarize_statement

# Statement types a definition file may hold without further checks.
_PLAIN_STATEMENTS = (ast.GrantStmt, ast.CommentStmt, ast.CreatePolicyStmt, ast.AlterPolicyStmt)
_REPLACEABLE_STATEMENTS = (ast.CreateFunctionStmt, ast.CreateTrigStmt, ast.ViewStmt)
# Enabling and forcing row-level security only ever narrows access, so a policy file may do it.
_TIGHTENING_TABLE_COMMANDS = {
    enums.AlterTableType.AT_EnableRowSecurity,
    enums.AlterTableType.AT_ForceRowSecurity,
}
_DROPPABLE_KINDS = {
    enums.ObjectType.OBJECT_POLICY: "policy",
    enums.ObjectType.OBJECT_FUNCTION: "function",
    enums.ObjectType.OBJECT_PROCEDURE: "function",
    enums.ObjectType.OBJECT_TRIGGER: "trigger",
    enums.ObjectType.OBJECT_VIEW: "view",
}


def _name(parts) -> str:
    return ".".join(part.sval for part in parts if isinstance(part, ast.String))


def _created_name(statement) -> tuple[str, str] | None:
    """Return (kind, name) of the object a statement creates, or None."""
    if isinstance(statement, ast.CreateFunctionStmt):
        return "function", _name(statement.funcname)
    if isinstance(statement, ast.CreateTrigStmt):
        return "trigger", f"{_relation(statement.relation)}.{statement.trigname}"
    if isinstance(statement, ast.ViewStmt):
        return "view", _relation(statement.view)
    if isinstance(statement, ast.CreatePolicyStmt):
        return "policy", f"{_relation(statement.table)}.{statement.policy_name}"
    return None


def _relation(relation: ast.RangeVar) -> str:
    return f"{relation.schemaname}.{relation.relname}" if relation.schemaname else relation.relname


def _dropped_names(statement: ast.DropStmt) -> list[tuple[str, str]]:
    kind = _DROPPABLE_KINDS.get(statement.removeType)
    names = []
    for item in statement.objects or ():
        if isinstance(item, ast.ObjectWithArgs):
            names.append((kind, _name(item.objname)))
        elif isinstance(item, (list, tuple)):
            # Policies and triggers: [schema,] table, name.
            parts = [part.sval for part in item if isinstance(part, ast.String)]
            names.append((kind, ".".join(parts)))
    return names


def check_definition(path: pathlib.Path, sql_text: str) -> list[Finding]:
    """Return the findings of one definition file; every finding is an error."""
    try:
        statements = pglast.parse_sql(sql_text)
    except pglast.parser.ParseError as error:
        location = error.args[1] if len(error.args) > 1 else 0
        line = sql_text.count("\n", 0, location) + 1 if isinstance(location, int) else 1
        return [
            Finding(path, line, "syntax_error", "", error.args[0], OPERATIONS["syntax_error"], "error")
        ]
    created = {name for raw in statements if (name := _created_name(raw.stmt)) is not None}
    findings = []
    for raw in statements:
        statement = raw.stmt
        start = raw.stmt_location
        end = start + raw.stmt_len if raw.stmt_len else len(sql_text)
        text = sql_text[start:end]
        line = sql_text.count("\n", 0, start + len(text) - len(text.lstrip())) + 1
        summary = summarize_statement(text)
        if isinstance(statement, _PLAIN_STATEMENTS):
            continue
        if isinstance(statement, _REPLACEABLE_STATEMENTS) and statement.replace:
            continue
        if isinstance(statement, ast.AlterTableStmt) and all(
            getattr(command, "subtype", None) in _TIGHTENING_TABLE_COMMANDS for command in statement.cmds
        ):
            continue
        if isinstance(statement, ast.DropStmt) and statement.removeType in _DROPPABLE_KINDS:
            missing = [name for kind, name in _dropped_names(statement) if (kind, name) not in created]
            if not missing:
                continue
            findings.append(
                Finding(
                    path,
                    line,
                    "definition_drop",
                    summary,
                    f"drops {', '.join(missing)} without re-creating it in this file",
                    OPERATIONS["definition_drop"],
                    "error",
                )
            )
            continue
        findings.append(
            Finding(
                path,
                line,
                "definition_statement",
                summary,
                f"'{' '.join(summary.split()[:2])}' is not allowed in a definition file",
                OPERATIONS["definition_statement"],
                "error",
            )
        )
    return findings
