"""Check whole migration files: parse, run the statement checks, apply allow directives."""

from __future__ import annotations

import bisect
import pathlib
import re

import pglast

from runner.guard.checker import FileCheck, RawFinding
from runner.guard.directives import ALLOW_LINE, Directives, read_directives, split_lines
from runner.guard.model import OPERATIONS, Finding, GuardConfig, summarize_statement
from runner.guard.state import ColumnTypeLookup, RunState

# Whitespace and comments that may sit between a statement's location and its first token.
_SKIPPABLE = re.compile(r"(?:\s+|--[^\n]*|/\*.*?\*/)*", re.DOTALL)


def check_migration(
    path: pathlib.Path,
    sql_text: str,
    config: GuardConfig,
    column_type_lookup: ColumnTypeLookup | None = None,
) -> list[Finding]:
    """Check one migration file and return its findings, ordered by line.

    `column_type_lookup(schema, table, column)` returns a column's current type as
    format_type() prints it, or None. Without a lookup, changing the type of a column that the
    file did not create is reported as narrowing.
    """
    return _check_file(path, sql_text, config, column_type_lookup, RunState())


def check_migrations(
    paths: list[pathlib.Path],
    config: GuardConfig,
    column_type_lookup: ColumnTypeLookup | None = None,
) -> list[Finding]:
    """Check several migration files in the order given, as one run applies them.

    Column types created or changed by an earlier file count for the narrowing check of later
    files. A table created by an earlier file still counts as existing: that migration may have
    been applied long ago and filled since. Files are read as UTF-8.
    """
    run = RunState()
    findings: list[Finding] = []
    for path in paths:
        sql_text = path.read_text(encoding="utf-8")
        findings.extend(_check_file(path, sql_text, config, column_type_lookup, run))
    return findings


def blocking(findings: list[Finding], allow_flag: bool) -> list[Finding]:
    """Return the findings that stop a run.

    Those are the errors that no allow directive covers and, unless `allow_flag` (the
    `--allow-destructive` option) is set, the errors that a directive covers.
    """
    return [
        finding
        for finding in findings
        if finding.severity == "error" and (not finding.allowed or not allow_flag)
    ]


class _LineIndex:
    """Maps character offsets in a text to 1-based line numbers, as split_lines counts them."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]

    def line_of(self, offset: int) -> int:
        """Return the line that contains the character at `offset`."""
        return bisect.bisect_right(self._starts, offset)


def _check_file(
    path: pathlib.Path,
    sql_text: str,
    config: GuardConfig,
    column_type_lookup: ColumnTypeLookup | None,
    run: RunState,
) -> list[Finding]:
    """Check one file, reading and updating `run`."""
    directives = read_directives(sql_text)
    lines = _LineIndex(sql_text)
    raw_findings: list[RawFinding] = []

    try:
        statements = pglast.parse_sql(sql_text)
    except pglast.parser.ParseError as error:
        message, location = error.args[0], error.args[1] if len(error.args) > 1 else None
        line = lines.line_of(location) if isinstance(location, int) else 1
        text = split_lines(sql_text)[line - 1]
        raw_findings.append(
            RawFinding(line, "syntax_error", summarize_statement(text), message, "error")
        )
        return _finish(path, raw_findings, directives, sql_text, parsed=False)

    checker = FileCheck(config, directives.transactional, run, column_type_lookup, lines.line_of)
    located: list[tuple[int, str]] = []
    for raw in statements:
        start = _SKIPPABLE.match(sql_text, raw.stmt_location).end()
        end = raw.stmt_location + raw.stmt_len if raw.stmt_len else len(sql_text)
        line = lines.line_of(start)
        summary = summarize_statement(sql_text[start:end])
        located.append((line, summary))
        checker.check(raw.stmt, line, summary)
    raw_findings.extend(checker.findings)

    if not directives.transactional:
        raw_findings.extend(_check_non_transactional(checker, directives, located, sql_text))
    return _finish(path, raw_findings, directives, sql_text, parsed=True)


def _check_non_transactional(
    checker: FileCheck,
    directives: Directives,
    statements: list[tuple[int, str]],
    sql_text: str,
) -> list[RawFinding]:
    """Check a `-- transactional: false` file: one statement, and one that needs it.

    `statements` contains the line and summary of each top-level statement.
    """
    findings = []
    if len(statements) > 1:
        line, summary = statements[1]
        message = (
            f"this migration runs outside a transaction and has {len(statements)} "
            "statements, so a failure after the first leaves it partly applied"
        )
        findings.append(
            RawFinding(line, "non_transactional_multiple_statements", summary, message, "warning")
        )
    if checker.needs_no_transaction == 0 and checker.may_commit == 0:
        line = directives.transactional_line or 1
        text_lines = split_lines(sql_text)
        message = (
            "'-- transactional: false' is set, but no statement of this migration needs to run "
            "outside a transaction"
        )
        findings.append(
            RawFinding(
                line,
                "unneeded_transactional_false",
                summarize_statement(text_lines[line - 1]),
                message,
                "warning",
            )
        )
    return findings


def _finish(
    path: pathlib.Path,
    raw_findings: list[RawFinding],
    directives: Directives,
    sql_text: str,
    parsed: bool,
) -> list[Finding]:
    """Turn raw findings into Findings, apply the allow directives and add directive problems.

    An allow directive counts as unused only when the file parsed, so its statements were checked.
    """
    findings = []
    for raw in raw_findings:
        directive = directives.allows.get(raw.operation)
        findings.append(
            Finding(
                path=path,
                line=raw.line,
                operation=raw.operation,
                statement=raw.statement,
                message=raw.message,
                alternative=OPERATIONS[raw.operation],
                severity=raw.severity,
                allowed=directive is not None,
                reason=directive.reason if directive is not None else None,
            )
        )

    used_operations = {finding.operation for finding in findings if finding.allowed}
    for problem in _directive_problems(directives, sql_text, used_operations, parsed):
        findings.append(
            Finding(
                path=path,
                line=problem.line,
                operation=problem.operation,
                statement=problem.statement,
                message=problem.message,
                alternative=OPERATIONS[problem.operation],
                severity=problem.severity,
            )
        )
    return sorted(findings, key=lambda finding: finding.line)


def _directive_problems(
    directives: Directives, sql_text: str, used_operations: set[str], parsed: bool
) -> list[RawFinding]:
    """Report invalid, misplaced and (when the file parsed) unused allow directives."""
    problems = []
    for invalid in directives.invalid:
        message = f"invalid allow directive: {invalid.problem}"
        text = summarize_statement(invalid.text)
        problems.append(RawFinding(invalid.line, "invalid_allow_directive", text, message, "error"))

    for line_number, line in enumerate(split_lines(sql_text), start=1):
        if line_number > directives.leading_lines and ALLOW_LINE.match(line):
            message = (
                "this allow directive has no effect, because only the comment lines before the "
                "first statement are read"
            )
            text = summarize_statement(line)
            problems.append(
                RawFinding(line_number, "invalid_allow_directive", text, message, "error")
            )

    if parsed:
        for operation, directive in directives.allows.items():
            if operation in used_operations:
                continue
            message = (
                f"the directive allows {operation}, but no statement in this file is {operation}"
            )
            text = summarize_statement(f"-- allow: {operation} because {directive.reason}")
            problems.append(
                RawFinding(directive.line, "unused_allow_directive", text, message, "warning")
            )
    return problems
