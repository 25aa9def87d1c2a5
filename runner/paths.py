"""Locations of the project's SQL files, found from the working directory or ILP_PROJECT_DIR."""

import os
from dataclasses import dataclass
from pathlib import Path

from runner.errors import IlpError


@dataclass(frozen=True)
class Project:
    """The folders of one schema repository."""

    root: Path

    @property
    def sql_dir(self) -> Path:
        return self.root / "sql"

    @property
    def migrations_dir(self) -> Path:
        return self.sql_dir / "migrations"

    @property
    def functions_dir(self) -> Path:
        return self.sql_dir / "functions"

    @property
    def policies_dir(self) -> Path:
        return self.sql_dir / "policies"

    def relative(self, path: Path) -> str:
        """Return the path relative to the project root, for messages."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def read_sql_text(project: Project, path: Path) -> str:
    """Return a SQL file's text, or raise IlpError naming the line of its first invalid UTF-8 byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise IlpError(
            f"{project.relative(path)}:{line}: invalid UTF-8 (byte 0x{data[error.start]:02x}); "
            "save the file as UTF-8"
        ) from None


def find_project(start: Path | None = None) -> Project:
    """Return the project whose root contains sql/migrations, searching upwards from start.

    ILP_PROJECT_DIR, when set, names the root directly.
    """
    configured = os.environ.get("ILP_PROJECT_DIR")
    if configured:
        root = Path(configured).resolve()
        if not (root / "sql" / "migrations").is_dir():
            raise IlpError(
                f"ILP_PROJECT_DIR={configured} has no sql/migrations folder; "
                "point it at the root of an ilp-db checkout"
            )
        return Project(root)
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "sql" / "migrations").is_dir():
            return Project(candidate)
    raise IlpError(
        f"no sql/migrations folder in {here} or its parents; "
        "run ilp-db inside an ilp-db checkout or set ILP_PROJECT_DIR"
    )
