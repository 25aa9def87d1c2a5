"""The guard inside `ilp-db migrate`: rejections stop the whole run before anything is applied."""

from runner.errors import EXIT_GUARD


def base_table(project):
    project.write(
        "migrations/0001_t.sql",
        "-- T.\ncreate table public.t (id int primary key, note text);\ninsert into public.t values (1, 'x');\n",
    )
    assert project.invoke("migrate").exit_code == 0


def test_drop_table_is_refused_and_nothing_of_the_run_applies(project):
    base_table(project)
    project.write("migrations/0002_new.sql", "-- New.\n-- depends: 0001_t\ncreate table public.fine (id int);\n")
    project.write("migrations/0003_drop.sql", "-- Drop.\n-- depends: 0002_new\ndrop table public.t;\n")

    result = project.invoke("migrate")

    assert result.exit_code == EXIT_GUARD
    assert "sql/migrations/0003_drop.sql:3: error: drop_table" in result.output
    assert "nothing was applied" in result.output
    assert project.query("select to_regclass('public.fine'), to_regclass('public.t')::text") == [(None, "t")]


def test_allow_directive_without_flag_is_still_refused(project):
    base_table(project)
    project.write(
        "migrations/0002_drop.sql",
        "-- Drop.\n-- depends: 0001_t\n-- allow: drop_column because note moved to t_notes\n"
        "alter table public.t drop column note;\n",
    )

    result = project.invoke("migrate")

    assert result.exit_code == EXIT_GUARD
    assert "needs ilp-db migrate --allow-destructive" in result.output
    assert project.query("select count(*) from information_schema.columns where table_name = 't'") == [(2,)]


def test_allow_directive_with_flag_applies_and_logs_both(project):
    base_table(project)
    project.write(
        "migrations/0002_drop.sql",
        "-- Drop.\n-- depends: 0001_t\n-- allow: drop_column because note moved to t_notes\n"
        "alter table public.t drop column note;\n",
    )

    result = project.invoke("migrate", "--allow-destructive")

    assert result.exit_code == 0, result.output
    assert "Allowed by directive and --allow-destructive:" in result.output
    assert "note moved to t_notes" in result.output
    assert project.query("select count(*) from information_schema.columns where table_name = 't'") == [(1,)]


def test_flag_without_directive_is_refused(project):
    base_table(project)
    project.write("migrations/0002_drop.sql", "-- Drop.\n-- depends: 0001_t\nalter table public.t drop column note;\n")

    result = project.invoke("migrate", "--allow-destructive")

    assert result.exit_code == EXIT_GUARD
    assert "drop_column" in result.output


def test_narrowing_uses_the_live_column_type(project):
    base_table(project)
    # The type of t.note comes from the live catalog: 0001 is already applied.
    project.write(
        "migrations/0002_narrow.sql",
        "-- Narrow.\n-- depends: 0001_t\nalter table public.t alter column note type varchar(10);\n",
    )

    result = project.invoke("migrate")

    assert result.exit_code == EXIT_GUARD
    assert "error: alter_column_type: changing column note of public.t from text to varchar(10)" in result.output


def test_dry_run_lists_guard_findings_and_changes_nothing(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.write("migrations/0002_trunc.sql", "-- Empty t.\n-- depends: 0001_t\ntruncate public.t;\n")

    result = project.invoke("migrate", "--dry-run")

    assert result.exit_code == EXIT_GUARD
    assert "Would apply 0002_trunc" in result.stdout
    assert "error: truncate" in result.stderr
    assert "dry run: a real run would stop here" in result.stderr
    assert project.query("select to_regclass('public.t')") == [(None,)]


def test_lint_command_reports_and_exits_with_guard_code(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.write("migrations/0002_del.sql", "-- Empty t.\n-- depends: 0001_t\ndelete from public.t;\n")

    result = project.invoke("lint")

    assert result.exit_code == EXIT_GUARD
    assert result.output.splitlines()[0].startswith("sql/migrations/0002_del.sql:3: error: delete_without_where")
    assert result.output.splitlines()[-1] == (
        "Checked 2 file(s): 1 error(s), 0 warning(s), 0 allowed by directive."
    )


def test_lint_passes_clean_files(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")

    result = project.invoke("lint")

    assert result.exit_code == 0
    assert result.output == "Checked 1 file(s): 0 error(s), 0 warning(s), 0 allowed by directive.\n"
