"""Column types as the parser returns them, and which type changes keep every value.

tests/test_guard.py checks the widening and rewrite cases against a PostgreSQL 15 server.

A type change falls in one of four classes:

- `same`: nothing changes.
- `widening`: every value fits, and PostgreSQL 15 changes only the catalog: `varchar(n)` to
  `text`, to `varchar` or to `varchar(m)` with m >= n; `varchar` to `text` and back;
  `numeric(p,s)` to `numeric` or to `numeric(q,s)` with q >= p.
- `rewrite`: every value fits, but PostgreSQL rewrites the table and its indexes under an ACCESS
  EXCLUSIVE lock: `smallint` to `integer` or `bigint`, `integer` to `bigint`, and `numeric(p,s)`
  to a larger scale that keeps at least p - s integer digits.
- `narrowing`: everything else, including changes the guard does not know. `varchar` or `text`
  to `citext` is here on purpose: values that differ only in case become equal, so a unique
  index may reject existing rows and queries return other rows than before.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

import pglast
from pglast import ast
from pglast.stream import RawStream

Change = Literal["same", "widening", "rewrite", "narrowing"]

# Schemas that format_type() may or may not print, depending on the search_path.
_IMPLICIT_SCHEMAS = ("pg_catalog", "public")

_TEXT_LIKE = ("text", "varchar")
_INTEGER_WIDTH = {"int2": 2, "int4": 4, "int8": 8}


@dataclasses.dataclass(frozen=True)
class ColumnType:
    """A column type reduced to what the widening rules compare.

    `name` is the parser's internal name (`varchar`, `int4`, `numeric`, `text`, `app.status`),
    `modifiers` the integer type modifiers (`(20,)` for `varchar(20)`), `array_dimensions`
    0 for a scalar. `sql` is the type as written, for messages.
    """

    name: str
    modifiers: tuple[int, ...]
    array_dimensions: int
    has_other_modifiers: bool
    sql: str

    @property
    def base_name(self) -> str:
        """Return the name without its schema."""
        return self.name.rsplit(".", 1)[-1]


def column_type_from_node(type_name: ast.TypeName) -> ColumnType:
    """Build a ColumnType from a TypeName node of the parse tree."""
    names = [part.sval for part in type_name.names]
    while len(names) > 1 and names[0] in _IMPLICIT_SCHEMAS:
        names = names[1:]

    modifiers: list[int] = []
    has_other_modifiers = False
    for modifier in type_name.typmods or ():
        value = getattr(modifier, "val", None)
        if isinstance(modifier, ast.A_Const) and isinstance(value, ast.Integer):
            modifiers.append(value.ival)
        else:
            has_other_modifiers = True

    return ColumnType(
        name=".".join(names),
        modifiers=tuple(modifiers),
        array_dimensions=len(type_name.arrayBounds or ()),
        has_other_modifiers=has_other_modifiers,
        sql=RawStream()(type_name),
    )


def parse_column_type(text: str) -> ColumnType | None:
    """Parse a type as format_type() prints it (`character varying(20)`), or return None."""
    try:
        statements = pglast.parse_sql(f"select null::{text}")
    except pglast.parser.ParseError:
        return None
    if len(statements) != 1:
        return None
    target = statements[0].stmt.targetList[0].val
    if not isinstance(target, ast.TypeCast):
        return None
    return column_type_from_node(target.typeName)


def classify_change(old: ColumnType, new: ColumnType) -> Change:
    """Classify changing a column from `old` to `new` (see the module docstring)."""
    if old.has_other_modifiers or new.has_other_modifiers:
        return "narrowing"
    if old.array_dimensions != new.array_dimensions:
        return "narrowing"
    if _same_name(old, new) and old.modifiers == new.modifiers:
        return "same"
    if old.array_dimensions:
        # Array element changes are not in the widening rules: treat them as unknown.
        return "narrowing"

    if old.name in _TEXT_LIKE and new.name in _TEXT_LIKE:
        return _classify_text(old, new)
    if old.name == "numeric" and new.name == "numeric":
        return _classify_numeric(old.modifiers, new.modifiers)
    if old.name in _INTEGER_WIDTH and new.name in _INTEGER_WIDTH:
        if _INTEGER_WIDTH[new.name] > _INTEGER_WIDTH[old.name]:
            return "rewrite"
    return "narrowing"


def _same_name(old: ColumnType, new: ColumnType) -> bool:
    """Compare names, ignoring the schema when only one side names it."""
    if "." in old.name and "." in new.name:
        return old.name == new.name
    return old.base_name == new.base_name


def _classify_text(old: ColumnType, new: ColumnType) -> Change:
    """Classify a change between `text`, `varchar` and `varchar(n)`."""
    old_limit = old.modifiers[0] if old.name == "varchar" and old.modifiers else None
    new_limit = new.modifiers[0] if new.name == "varchar" and new.modifiers else None
    if new_limit is None:
        return "widening"
    if old_limit is not None and new_limit >= old_limit:
        return "widening"
    return "narrowing"


def _classify_numeric(old: tuple[int, ...], new: tuple[int, ...]) -> Change:
    """Classify a change between `numeric`, `numeric(p)` and `numeric(p,s)`."""
    if not new:
        return "widening"
    if not old:
        return "narrowing"
    old_precision, old_scale = old[0], old[1] if len(old) > 1 else 0
    new_precision, new_scale = new[0], new[1] if len(new) > 1 else 0
    # PostgreSQL skips the rewrite only when the scale stays and the precision does not shrink.
    # A larger scale keeps the values too, but rewrites the table.
    if new_scale == old_scale and new_precision >= old_precision:
        return "widening"
    if new_scale >= old_scale and new_precision - new_scale >= old_precision - old_scale:
        return "rewrite"
    return "narrowing"
