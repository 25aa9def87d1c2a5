"""CLI output: new, status, help, connection errors; compared as exact text where it is stable."""

import json

from click.testing import CliRunner

from runner.cli import main
from runner.errors import EXIT_CONNECTION


def test_new_writes_next_numbered_file_with_header(project):
    project.write("migrations/0001_first.sql", "-- First.\ncreate table public.t (id int);\n")

    result = project.invoke("new", "add_notes", "--purpose", "Add notes to t.")

    assert result.exit_code == 0, result.output
    assert result.output == "sql/migrations/0002_add_notes.sql\n"
    written = (project.root / "sql/migrations/0002_add_notes.sql").read_text()
    assert written.splitlines()[:3] == ["-- Add notes to t.", "-- depends: 0001_first", "--"]
    assert written.splitlines()[3].startswith("-- Lock impact:")


def test_new_rejects_invalid_slug(project):
    result = project.invoke("new", "Add-Notes")

    assert result.exit_code == 2
    assert result.output.startswith("Error: invalid slug 'Add-Notes'")


def test_new_in_empty_project_starts_at_one(project):
    result = project.invoke("new", "first")

    assert result.output == "sql/migrations/0001_first.sql\n"
    assert "-- depends:" not in (project.root / "sql/migrations/0001_first.sql").read_text()


def test_status_of_empty_project_prints_none(project):
    result = project.invoke("status")

    assert result.exit_code == 0
    assert result.output == (
        "Migrations:\n"
        "  (none)\n"
        "Definitions:\n"
        "  (none)\n"
        "Summary: 0 pending migration(s), 0 definition file(s) to apply, 0 drifted, "
        "0 invalid index(es).\n"
    )


def test_status_json_lists_pending_then_applied(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    before = json.loads(project.invoke("status", "--json").output)
    project.invoke("migrate")
    after = json.loads(project.invoke("status", "--json").output)

    assert [(m["id"], m["state"]) for m in before["migrations"]] == [("0001_t", "pending")]
    assert before["pending"] == 1
    assert [(m["id"], m["state"]) for m in after["migrations"]] == [("0001_t", "applied")]
    assert after["pending"] == 0
    assert after["drift"] is False


def test_status_reports_invalid_index(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.invoke("migrate")
    # An index left invalid, as a failed `create index concurrently` leaves it.
    project.execute("create index index_t_on_id on public.t (id)")
    project.execute(
        "update pg_index set indisvalid = false where indexrelid = 'public.index_t_on_id'::regclass"
    )

    result = project.invoke("status", "--json")

    assert json.loads(result.output)["invalid_indexes"] == ["public.index_t_on_id"]


def test_unreachable_server_gives_one_line_without_password(project):
    env = project.env() | {"DATABASE_URL": "postgresql://alice:s3cret@127.0.0.1:1/ilp"}

    result = CliRunner().invoke(main, ["status"], env=env)

    assert result.exit_code == EXIT_CONNECTION
    assert result.output.startswith(
        "Error: cannot connect to database ilp on 127.0.0.1 port 1 as alice: "
    )
    assert "check that the server is running and that DATABASE_URL points at it" in result.output
    assert "s3cret" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_database_names_the_fix(project):
    from runner.scratch import with_database

    env = project.env() | {"DATABASE_URL": with_database(project.url, "no_such_database_here")}

    result = CliRunner().invoke(main, ["migrate"], env=env)

    assert result.exit_code == EXIT_CONNECTION
    assert "database no_such_database_here" in result.output
    assert "create the database (createdb)" in result.output


def test_help_documents_exit_codes():
    result = CliRunner().invoke(main, ["--help"])

    assert result.exit_code == 0
    assert "4  drift: an applied migration file was edited or deleted" in result.output
    assert "5  timed out waiting for another run's lock" in result.output


def test_invalid_migration_file_name_is_rejected(project):
    project.write("migrations/1_bad-name.sql", "select 1;\n")

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "sql/migrations/1_bad-name.sql: invalid migration file name" in result.output


def test_malformed_url_hides_the_password(project):
    env = project.env() | {"DATABASE_URL": "postgresql://alice:S3cretPw9x@[::1"}

    for command in (["status"], ["migrate"], ["dump-schema", "--check"]):
        result = CliRunner().invoke(main, command, env=env)

        assert result.exit_code == 1, command
        assert "S3cretPw9x" not in result.output, command
        assert "invalid connection string" in result.output, command


def test_purpose_must_be_one_line(project):
    result = project.invoke("new", "x", "--purpose", "Add a thing.\nselect 1;")

    assert result.exit_code == 2
    assert not (project.root / "sql/migrations/0001_x.sql").exists()
