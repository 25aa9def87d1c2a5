"""Directives in the leading comment block of a migration: `transactional` and `allow`."""

from __future__ import annotations

import dataclasses
import re

from runner.guard.model import ALLOWABLE_OPERATIONS

# yoyo-migrations 9 reads directives from the lines before the first line that is neither empty
# nor a `--` comment, and so does the guard, so that both see the same leading comment block.
_COMMENT_OR_EMPTY = re.compile(r"^\s*(--.*)?$")
_TRANSACTIONAL = re.compile(r"^\s*--\s*transactional\s*:\s*(.*?)\s*$")
ALLOW_LINE = re.compile(r"^\s*--\s*allow\s*:(.*)$", re.IGNORECASE)
_BECAUSE = re.compile(r"^because(?:\s+(?P<reason>.*))?$", re.IGNORECASE)


def split_lines(text: str) -> list[str]:
    """Split text at \\n, \\r\\n or \\r only, the line breaks that editors count."""
    return re.split(r"\r\n|\r|\n", text)


@dataclasses.dataclass(frozen=True)
class AllowDirective:
    """A valid `-- allow: <operation> because <reason>` line."""

    line: int
    operation: str
    reason: str


@dataclasses.dataclass(frozen=True)
class InvalidDirective:
    """An allow line that the guard cannot use, with the reason it is invalid."""

    line: int
    text: str
    problem: str


@dataclasses.dataclass(frozen=True)
class Directives:
    """What the leading comment block of one migration file declares.

    `leading_lines` is the number of lines in the block, so line `leading_lines + 1` is the
    first line that yoyo treats as SQL. `transactional_line` is the line of the last
    `-- transactional:` directive, or None.
    """

    transactional: bool
    transactional_line: int | None
    allows: dict[str, AllowDirective]
    invalid: list[InvalidDirective]
    leading_lines: int


def read_directives(sql_text: str) -> Directives:
    """Parse the leading comment block of a migration file."""
    lines = split_lines(sql_text)
    leading_lines = 0
    for line in lines:
        if not _COMMENT_OR_EMPTY.match(line):
            break
        leading_lines += 1

    transactional = True
    transactional_line = None
    allows: dict[str, AllowDirective] = {}
    invalid: list[InvalidDirective] = []
    for index, line in enumerate(lines[:leading_lines]):
        line_number = index + 1
        transactional_match = _TRANSACTIONAL.match(line)
        if transactional_match:
            # yoyo applies the file outside a transaction only for the value "false", in any
            # case; it rejects values other than true and false itself.
            transactional = transactional_match.group(1).lower() != "false"
            transactional_line = line_number
            continue

        allow_match = ALLOW_LINE.match(line)
        if not allow_match:
            continue
        directive, problem = _parse_allow(line_number, allow_match.group(1))
        if problem is not None:
            invalid.append(InvalidDirective(line_number, line.strip(), problem))
        elif directive.operation in allows:
            invalid.append(
                InvalidDirective(
                    line_number,
                    line.strip(),
                    f"{directive.operation} is already allowed on line "
                    f"{allows[directive.operation].line}",
                )
            )
        else:
            allows[directive.operation] = directive

    return Directives(transactional, transactional_line, allows, invalid, leading_lines)


def _parse_allow(line_number: int, body: str) -> tuple[AllowDirective, None] | tuple[None, str]:
    """Return the directive in the text after `allow:`, or the problem that makes it invalid."""
    words = body.split(maxsplit=1)
    if not words:
        return None, "the directive names no operation"

    operation = words[0]
    if operation not in ALLOWABLE_OPERATIONS:
        return None, f"unknown operation {operation!r}"

    rest = words[1].strip() if len(words) > 1 else ""
    because = _BECAUSE.match(rest)
    if not because:
        return None, f"the directive for {operation} has no 'because <reason>'"
    reason = (because.group("reason") or "").strip()
    if not reason:
        return None, f"the directive for {operation} gives no reason after 'because'"
    return AllowDirective(line_number, operation, reason), None
