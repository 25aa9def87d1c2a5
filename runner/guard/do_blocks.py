"""Checks of the SQL statements inside a `do` block, which run when the migration runs.

Function bodies (`create function`) are not inspected: they run when called, not when the
migration is applied. A `do` block runs at once, so its static SQL statements get the same
checks as top-level statements. Statements built at run time with `execute` cannot be checked
and are reported as `dynamic_sql` warnings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pglast
from pglast import ast

from runner.guard.model import summarize_statement

if TYPE_CHECKING:
    from runner.guard.checker import FileCheck

# PL/pgSQL statement kinds whose SQL text is built at run time.
_DYNAMIC_KINDS = {
    "PLpgSQL_stmt_dynexecute": "execute",
    "PLpgSQL_stmt_dynfors": "for ... in execute",
}
_TRANSACTION_KINDS = {"PLpgSQL_stmt_commit": "commit", "PLpgSQL_stmt_rollback": "rollback"}


def check_do_block(checker: FileCheck, node: ast.DoStmt, line: int, statement: str) -> None:
    """Check the static SQL statements of a PL/pgSQL `do` block that starts on `line`.

    Inner findings point at the line of the inner statement. Inside another `do` block, where
    locations do not count from the start of the file, they point at `line`.
    """
    language = "plpgsql"
    body: ast.String | None = None
    body_location: int | None = None
    for option in node.args:
        if option.defname == "language":
            language = option.arg.sval.lower()
        elif option.defname == "as":
            body = option.arg
            body_location = getattr(option, "arg_location", None)
    if language != "plpgsql" or body is None:
        return

    body_line = checker.locate(body_location) if body_location is not None else line
    if body_line is None:
        body_line = line

    function = _wrap_in_function(body.sval)
    try:
        tree = pglast.parse_plpgsql(function)
    except pglast.parser.ParseError as error:
        message = f"the do block does not parse as PL/pgSQL: {error.args[0]}"
        checker.report(line, "syntax_error", statement, message)
        return

    for kind, item in _walk(tree):
        inner_line = body_line + max(item.get("lineno", 1), 1) - 1
        if kind == "PLpgSQL_stmt_execsql":
            query = item["sqlstmt"]["PLpgSQL_expr"]["query"]
            _check_inner_query(checker, query, inner_line)
        elif kind in _DYNAMIC_KINDS or item.get("dynquery"):
            what = _DYNAMIC_KINDS.get(kind, "a query built at run time")
            message = (
                f"the do block runs SQL built at run time ({what}), which the guard cannot check"
            )
            checker.report(inner_line, "dynamic_sql", statement, message, "warning")
        elif kind in _TRANSACTION_KINDS:
            checker.require_no_transaction(
                inner_line, statement, f"a do block that runs {_TRANSACTION_KINDS[kind]}"
            )


def _wrap_in_function(body: str) -> str:
    """Wrap a `do` body in a function definition, which pglast's PL/pgSQL parser expects.

    The body starts right after the opening quote, on the same line, so line 1 of the parsed
    function body is the line of that quote in the migration.
    """
    tag = "$guard_do_body$"
    suffix = 0
    while tag in body:
        suffix += 1
        tag = f"$guard_do_body_{suffix}$"
    return (
        "create function pg_temp.guard_do_block() returns void language plpgsql "
        f"as {tag}{body}{tag}"
    )


def _walk(tree: Any) -> Iterator[tuple[str, dict]]:
    """Yield (kind, fields) for every PL/pgSQL node in the parse tree, depth first."""
    if isinstance(tree, list):
        for item in tree:
            yield from _walk(item)
    elif isinstance(tree, dict):
        for key, value in tree.items():
            if key.startswith("PLpgSQL_stmt_") and isinstance(value, dict):
                yield key, value
            yield from _walk(value)


def _check_inner_query(checker: FileCheck, query: str, line: int) -> None:
    """Check one static SQL statement of a `do` block as if it stood on `line`."""
    try:
        statements = pglast.parse_sql(query)
    except pglast.parser.ParseError:
        # PL/pgSQL accepted the statement, so leave a syntax error to PostgreSQL itself.
        return
    text = summarize_statement(query)
    for raw in statements:
        checker.check(raw.stmt, line, text, nested=True)

