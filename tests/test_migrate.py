"""ilp-db migrate: order, checksums, drift, definitions and dry runs, against a real server."""

from runner.errors import EXIT_DRIFT


def test_applies_migrations_in_number_order(project):
    project.write(
        "migrations/0001_log.sql",
        """
        -- Create the log table.
        create table public.applied (n int primary key, at timestamptz default clock_timestamp());
        insert into public.applied (n) values (1);
        """,
    )
    project.write(
        "migrations/0002_second.sql",
        """
        -- Second.
        -- depends: 0001_log
        insert into public.applied (n) values (2);
        """,
    )
    project.write(
        "migrations/0010_third.sql",
        """
        -- Third.
        -- depends: 0002_second
        insert into public.applied (n) values (3);
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert project.query("select n from public.applied order by at") == [(1,), (2,), (3,)]
    applied_lines = [line for line in result.output.splitlines() if line.startswith("Applied 0")]
    assert [line.split()[1] for line in applied_lines] == ["0001_log", "0002_second", "0010_third"]


def test_second_run_applies_nothing(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    assert project.invoke("migrate").exit_code == 0

    result = project.invoke("migrate")

    assert result.exit_code == 0
    assert "Nothing to apply: 1 migrations and 0 definition files are current" in result.output


def test_records_checksum_of_each_applied_file(project):
    path = project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    import hashlib

    project.invoke("migrate")

    rows = project.query("select migration_id, sha256 from ilp_migrations.migration_checksums")
    assert rows == [("0001_t", hashlib.sha256(path.read_bytes()).hexdigest())]


def test_refuses_to_run_when_applied_file_was_edited(project):
    path = project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.invoke("migrate")
    path.write_text(path.read_text() + "create table public.u (id int);\n")
    project.write("migrations/0002_v.sql", "-- V.\n-- depends: 0001_t\ncreate table public.v (id int);\n")

    result = project.invoke("migrate")

    assert result.exit_code == EXIT_DRIFT
    assert "sql/migrations/0001_t.sql: edited after it was applied" in result.output
    assert project.query("select to_regclass('public.v') is null") == [(True,)]


def test_refuses_to_run_when_applied_file_was_deleted(project):
    path = project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.invoke("migrate")
    path.unlink()

    result = project.invoke("migrate")

    assert result.exit_code == EXIT_DRIFT
    assert "sql/migrations/0001_t.sql: applied, but the file was deleted" in result.output


def test_status_reports_drift_with_exit_code(project):
    path = project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.invoke("migrate")
    path.write_text(path.read_text() + "-- edited\n")

    result = project.invoke("status")

    assert result.exit_code == EXIT_DRIFT
    assert "  changed  0001_t" in result.output


def test_definitions_reapplied_only_when_changed(project):
    project.write("migrations/0001_schema.sql", "-- Schema.\ncreate schema app;\n")
    first = project.write(
        "functions/app/answer.sql",
        "create or replace function app.answer() returns int language sql as $$ select 1 $$;\n",
    )
    project.write(
        "functions/app/other.sql",
        "create or replace function app.other() returns int language sql as $$ select 7 $$;\n",
    )
    assert project.invoke("migrate").exit_code == 0
    before = dict(project.query("select path, applied_at from ilp_migrations.definitions"))

    unchanged = project.invoke("migrate")
    first.write_text(first.read_text().replace("select 1", "select 2"))
    changed = project.invoke("migrate")

    assert "definition file" in unchanged.output and "Applied sql/" not in unchanged.output
    assert "Applied sql/functions/app/answer.sql (changed)" in changed.output
    assert "app/other.sql" not in changed.output
    assert project.query("select app.answer()") == [(2,)]
    after = dict(project.query("select path, applied_at from ilp_migrations.definitions"))
    assert after["sql/functions/app/other.sql"] == before["sql/functions/app/other.sql"]
    assert after["sql/functions/app/answer.sql"] > before["sql/functions/app/answer.sql"]


def test_functions_apply_before_policies(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    # The policy file sorts first by name but must run after the function it calls.
    project.write(
        "policies/public/t.sql",
        """
        alter table public.t enable row level security;
        drop policy if exists select_all on public.t;
        create policy select_all on public.t for select using (public.allowed());
        """,
    )
    project.write(
        "functions/public/allowed.sql",
        "create or replace function public.allowed() returns bool language sql as $$ select true $$;\n",
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Applied sql/")]
    assert lines[0].startswith("Applied sql/functions/public/allowed.sql")
    assert lines[1].startswith("Applied sql/policies/public/t.sql")


def test_failing_definition_names_file_and_line_and_keeps_previous(project):
    project.write("migrations/0001_schema.sql", "-- Schema.\ncreate schema app;\n")
    path = project.write(
        "functions/app/answer.sql",
        "create or replace function app.answer() returns int language sql as $$ select 1 $$;\n",
    )
    project.invoke("migrate")
    path.write_text(
        "create or replace function app.answer() returns int language sql as $$ select 3 $$;\n"
        "comment on function app.no_such_function() is 'x';\n"
    )

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "sql/functions/app/answer.sql: function app.no_such_function() does not exist (SQLSTATE 42883)" in result.output
    assert project.query("select app.answer()") == [(1,)]


def test_definition_file_with_drop_table_is_rejected(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate schema app;\ncreate table app.keep (id int);\n")
    project.invoke("migrate")
    project.write(
        "functions/app/noop.sql",
        "create or replace function app.noop() returns int language sql as $$ select 1 $$;\n"
        "drop table app.keep;\n",
    )

    result = project.invoke("migrate")

    assert result.exit_code == 6
    assert "sql/functions/app/noop.sql:2: error: definition_statement: 'drop table'" in result.output
    assert project.query("select to_regclass('app.keep')::text") == [("app.keep",)]
    assert project.query("select to_regprocedure('app.noop()')") == [(None,)]


def test_definition_file_may_drop_what_it_recreates(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate schema app;\ncreate table app.t (id int);\n")
    project.write(
        "policies/app/t.sql",
        """
        alter table app.t enable row level security;
        drop policy if exists select_all on app.t;
        create policy select_all on app.t for select using (true);
        """,
    )

    first = project.invoke("migrate")
    again = project.write("policies/app/t.sql", (project.root / "sql/policies/app/t.sql").read_text() + "-- v2\n")
    second = project.invoke("migrate")

    assert first.exit_code == 0, first.output
    assert again.exists()
    assert second.exit_code == 0, second.output
    assert project.query("select count(*) from pg_policies where tablename = 't'") == [(1,)]


def test_dry_run_changes_nothing(project):
    project.write("migrations/0001_t.sql", "-- T.\ncreate table public.t (id int);\n")
    project.write(
        "functions/public/f.sql",
        "create or replace function public.f() returns int language sql as $$ select 1 $$;\n",
    )

    result = project.invoke("migrate", "--dry-run")

    assert result.exit_code == 0, result.output
    assert "Would apply 0001_t" in result.output
    assert "Would apply sql/functions/public/f.sql (new)" in result.output
    assert project.query(
        "select to_regclass('public.t'), to_regnamespace('ilp_migrations'), "
        "to_regprocedure('public.f()')"
    ) == [(None, None, None)]


def test_failed_migration_leaves_nothing_and_names_line(project):
    project.write(
        "migrations/0001_bad.sql",
        """
        -- Bad.
        create table public.first (id int);

        select * from public.does_not_exist;
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "sql/migrations/0001_bad.sql:4: relation \"public.does_not_exist\" does not exist (SQLSTATE 42P01)" in result.output
    assert "Nothing of this migration was applied." in result.output
    assert project.query("select to_regclass('public.first')") == [(None,)]
    assert project.query("select count(*) from ilp_migrations._yoyo_migration") == [(0,)]


def test_deleted_migration_with_dependents_is_drift(project):
    project.write("migrations/0001_a.sql", "-- A.\ncreate table public.a (id int);\n")
    gone = project.write("migrations/0002_b.sql", "-- B.\n-- depends: 0001_a\ncreate table public.b (id int);\n")
    project.write("migrations/0003_c.sql", "-- C.\n-- depends: 0002_b\ncreate table public.c (id int);\n")
    assert project.invoke("migrate").exit_code == 0
    gone.unlink()

    result = project.invoke("status", "--json")

    assert result.exit_code == EXIT_DRIFT
    assert '"drift": true' in result.stdout
    assert project.invoke("migrate").exit_code == EXIT_DRIFT


def test_depends_on_later_migration_is_rejected(project):
    project.write("migrations/0001_a.sql", "-- A.\n-- depends: 0002_b\ncreate table public.a (id int);\n")
    project.write("migrations/0002_b.sql", "-- B.\ncreate table public.b (id int);\n")

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "sql/migrations/0001_a.sql: depends on 0002_b, which does not come earlier" in result.output
    assert project.query("select to_regclass('public.b')") == [(None,)]


def test_depends_on_unknown_migration_is_rejected(project):
    project.write("migrations/0001_a.sql", "-- A.\n-- depends: 0099_nope\ncreate table public.a (id int);\n")

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "'-- depends: 0099_nope' names no migration file" in result.output


def test_migration_without_statements_is_rejected(project):
    project.write("migrations/0001_empty.sql", "-- Only a comment.\n-- depends:\n")

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "sql/migrations/0001_empty.sql: no SQL statements" in result.output


def test_migration_numbered_below_applied_one_is_rejected(project):
    project.write("migrations/0005_later.sql", "-- Later.\ncreate table public.later (id int);\n")
    assert project.invoke("migrate").exit_code == 0
    project.write("migrations/0003_merged.sql", "-- From another branch.\ncreate table public.merged (id int);\n")

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "numbered below the highest applied migration 0005_later" in result.output
    assert "renumber from 0006 up" in result.output
    assert project.query("select to_regclass('public.merged')") == [(None,)]


def test_invalid_utf8_names_file_and_line(project):
    path = project.root / "sql/migrations/0001_bytes.sql"
    path.write_bytes(b"-- Bytes.\ncreate table public.t (note text default '\xff');\n")

    result = project.invoke("migrate")

    assert result.exit_code == 1
    assert "sql/migrations/0001_bytes.sql:2: invalid UTF-8" in result.output


def test_dry_run_honours_target_and_prints_plan_on_stdout(project):
    project.write("migrations/0001_a.sql", "-- A.\ncreate table public.a (id int);\n")
    project.write("migrations/0002_b.sql", "-- B.\ncreate table public.b (id int);\n")

    result = project.invoke("migrate", "--dry-run", "--target", "0001_a")

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Would apply 0001_a",
        "Dry run: 1 migration(s) and 0 definition file(s) would be applied; nothing was changed",
    ]


def test_unknown_target_is_a_usage_error(project):
    project.write("migrations/0001_a.sql", "-- A.\ncreate table public.a (id int);\n")

    result = project.invoke("migrate", "--target", "0009_nope")

    assert result.exit_code == 2
    assert "unknown migration '0009_nope' for --target" in result.output


def test_invalid_lock_timeout_is_a_usage_error(project):
    result = project.invoke("migrate", "--lock-timeout", "abc")

    assert result.exit_code == 2
    assert "'abc' is not a duration" in result.output


def test_bookkeeping_is_handed_to_the_owner_role(project):
    project.write(
        "migrations/0001_owner.sql",
        """
        -- Let ilp_owner own objects here, as the project's first migration does.
        do $$
        begin
            if not exists (select from pg_roles where rolname = 'ilp_owner') then
                create role ilp_owner nologin;
            end if;
            execute format('grant create on database %I to ilp_owner', current_database());
            execute format('grant ilp_owner to %I', current_user);
        end
        $$;
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert project.query(
        "select nspowner::regrole::text from pg_namespace where nspname = 'ilp_migrations'"
    ) == [("ilp_owner",)]
    assert project.query(
        "select count(*) from pg_tables where schemaname = 'ilp_migrations' and tableowner <> 'ilp_owner'"
    ) == [(0,)]
