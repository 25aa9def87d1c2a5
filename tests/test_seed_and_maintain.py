"""ilp-db seed --demo and ilp-db maintain on a database migrated from the project's own files."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from runner import run
from runner.cli import main
from runner.paths import Project
from runner.scratch import scratch_database

REPOSITORY = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def migrated_url(server_url):
    with scratch_database(server_url, "seed") as url:
        run.migrate(Project(REPOSITORY), url, run.MigrateOptions(lock_wait_seconds=10))
        yield url


def invoke(url: str, *args: str):
    env = {"DATABASE_URL": url, "ILP_PROJECT_DIR": str(REPOSITORY)}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_seed_demo_loads_every_domain_then_refuses_a_second_load(migrated_url):
    first = invoke(migrated_url, "seed", "--demo")
    second = invoke(migrated_url, "seed", "--demo")

    assert first.exit_code == 0, first.output
    counts = {
        line.split()[0]: int(line.split()[1])
        for line in first.stdout.splitlines()
        if line and line.split()[0].count(".") == 1 and line.split()[-1].isdigit()
    }
    assert counts["tenancy.tenants"] == 2
    assert counts["content.question_versions"] > 0
    assert counts["learning.progress_events"] > 0
    assert counts["learning.question_attempts"] > 0
    assert second.exit_code == 1
    assert "demo" in second.output.lower()


def test_maintain_is_idempotent(migrated_url):
    first = invoke(migrated_url, "maintain")
    second = invoke(migrated_url, "maintain")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert second.stdout == "(none)\n"
