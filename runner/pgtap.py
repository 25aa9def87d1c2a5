"""Run the pgTAP suite: a fresh database, migrated to head, then pg_prove over tests/pgtap.

Usage: python -m runner.pgtap [pg_prove options] [test files]
"""

import logging
import subprocess
import sys
from pathlib import Path

from runner import run
from runner.connection import connect, libpq_environment, target_url
from runner.paths import find_project
from runner.scratch import scratch_database

log = logging.getLogger("runner.pgtap")

SETUP_DIR = Path("tests/pgtap/_setup")


def test_files(root: Path, selected: list[str]) -> list[str]:
    if selected:
        return selected
    files = sorted((root / "tests" / "pgtap").rglob("*.sql"))
    return [str(f.relative_to(root)) for f in files if "_setup" not in f.parts]


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("yoyo").setLevel(logging.WARNING)
    # The migration of the scratch database is set-up, not a result: show only its problems.
    logging.getLogger("runner.run").setLevel(logging.WARNING)
    logging.getLogger("runner.guard_check").setLevel(logging.ERROR)
    project = find_project()
    options = [a for a in argv if a.startswith("-")]
    selected = [a for a in argv if not a.startswith("-")]
    with scratch_database(target_url(project), "pgtap") as url:
        run.migrate(project, url, run.MigrateOptions(lock_wait_seconds=10))
        with connect(url, "pgtap setup") as connection:
            connection.execute("create extension if not exists pgtap")
            connection.execute("create extension if not exists plpgsql_check")
            for path in sorted((project.root / SETUP_DIR).glob("*.sql")):
                connection.execute(path.read_text())
        files = test_files(project.root, selected)
        if not files:
            log.error("no pgTAP test files under tests/pgtap")
            return 1
        command = ["pg_prove", "--failures", "--timer", *options, *files]
        return subprocess.run(command, cwd=project.root, env=libpq_environment(url), check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
