"""Fixtures for the runner's tests: a real PostgreSQL server, scratch databases, toy projects."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from runner import cluster
from runner.cli import main
from runner.paths import Project
from runner.scratch import scratch_database

REPOSITORY = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def server_url() -> str:
    """URL of a database on the test server: DATABASE_URL, or the local cluster (started here)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    local = cluster.locate(Project(REPOSITORY))
    cluster.start(local)
    cluster.wait_until_ready(local)
    return local.url("postgres")


@pytest.fixture
def database_url(server_url: str) -> str:
    """A fresh, empty database for one test, dropped afterwards."""
    with scratch_database(server_url, "pytest") as url:
        yield url


class ToyProject:
    """A schema repository in a temporary folder, with helpers to write its SQL files."""

    def __init__(self, root: Path, url: str):
        self.root = root
        self.url = url
        for folder in ("migrations", "functions", "policies"):
            (root / "sql" / folder).mkdir(parents=True)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / "sql" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())
        return path

    def env(self) -> dict[str, str]:
        return {"DATABASE_URL": self.url, "ILP_PROJECT_DIR": str(self.root)}

    def invoke(self, *args: str):
        """Run ilp-db in-process with click's CliRunner."""
        return CliRunner().invoke(main, list(args), env=self.env(), catch_exceptions=False)

    def spawn(self, *args: str) -> subprocess.Popen:
        """Start ilp-db as a separate process (for concurrency and kill tests)."""
        env = dict(os.environ, **self.env())
        return subprocess.Popen(
            [sys.executable, "-m", "runner", *args],
            env=env,
            cwd=REPOSITORY,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def query(self, sql: str, params=None) -> list[tuple]:
        with psycopg.connect(self.url, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()

    def execute(self, sql: str, params=None) -> None:
        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(sql, params)


@pytest.fixture
def project(tmp_path: Path, database_url: str) -> ToyProject:
    return ToyProject(tmp_path / "project", database_url)
