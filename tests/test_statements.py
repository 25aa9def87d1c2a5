"""Statement splitting and transactions: the inputs that must reach the server intact."""


def test_nested_dollar_quotes_with_semicolon_apply_as_one_statement(project):
    project.write(
        "migrations/0001_nested.sql",
        """
        -- A function whose body nests two dollar quotes and has a semicolon in the inner one.
        create function public.nested() returns text
        language plpgsql
        as $outer$
        begin
            return $inner$a; b$inner$;
        end;
        $outer$;
        create table public.after_function (id int);
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert project.query("select public.nested()") == [("a; b",)]
    assert project.query("select to_regclass('public.after_function')::text") == [
        ("after_function",)
    ]


def test_begin_atomic_body_followed_by_statement_applies_both(project):
    project.write(
        "migrations/0001_atomic.sql",
        """
        -- A SQL-standard function body followed by another statement.
        create table public.counter (n int);
        create function public.bump() returns void
        language sql
        begin atomic
            insert into public.counter values (1);
            insert into public.counter values (2);
        end;
        select public.bump();
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert project.query("select n from public.counter order by n") == [(1,), (2,)]


def test_concurrent_index_with_transactional_false_applies(project):
    project.write("migrations/0001_table.sql", "-- Table.\ncreate table public.t (id int, v int);\n")
    project.write(
        "migrations/0002_index.sql",
        """
        -- Index t.v without blocking writes.
        -- depends: 0001_table
        -- transactional: false
        create index concurrently if not exists index_t_on_v on public.t (v);
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert "Applied 0002_index" in result.output
    assert project.query(
        "select indisvalid from pg_index where indexrelid = 'public.index_t_on_v'::regclass"
    ) == [(True,)]


def test_concurrent_index_without_directive_fails_cleanly(project):
    project.write(
        "migrations/0001_index.sql",
        """
        -- Index without the directive.
        create table public.t (id int, v int);
        create index concurrently index_t_on_v on public.t (v);
        """,
    )

    result = project.invoke("migrate")

    assert result.exit_code != 0
    assert "sql/migrations/0001_index.sql" in result.output
    assert "'-- transactional: false'" in result.output
    assert project.query("select to_regclass('public.t')") == [(None,)]
    assert project.query("select count(*) from ilp_migrations._yoyo_migration") == [(0,)]


def test_failed_concurrent_index_is_reported_and_never_marked(project):
    project.write(
        "migrations/0001_table.sql",
        "-- Table with duplicates.\ncreate table public.t (v int);\ninsert into public.t values (1), (1);\n",
    )
    project.write(
        "migrations/0002_unique.sql",
        """
        -- Make t.v unique without blocking writes.
        -- depends: 0001_table
        -- transactional: false
        create unique index concurrently if not exists unique_t_on_v on public.t (v);
        """,
    )

    first = project.invoke("migrate")
    status = project.invoke("status")
    second = project.invoke("migrate")

    assert first.exit_code == 1
    assert "(SQLSTATE 23505)" in first.output
    assert "This file runs without a transaction" in first.output
    assert "Invalid index: public.unique_t_on_v" in status.output
    assert "  pending  0002_unique" in status.output
    assert second.exit_code == 1
    assert "index public.unique_t_on_v is invalid, so the migration was not marked applied" in second.output
    assert project.query("select migration_id from ilp_migrations._yoyo_migration") == [("0001_table",)]


def test_unrelated_invalid_index_does_not_block_concurrent_build(project):
    project.write("migrations/0001_tables.sql", "-- Tables.\ncreate table public.t (v int);\ncreate table public.other (v int);\n")
    assert project.invoke("migrate").exit_code == 0
    # An invalid index on another table, as a DBA's failed manual build leaves it.
    project.execute("create index index_other_on_v on public.other (v)")
    project.execute("update pg_index set indisvalid = false where indexrelid = 'public.index_other_on_v'::regclass")
    project.write(
        "migrations/0002_index.sql",
        "-- Index t.v.\n-- depends: 0001_tables\n-- transactional: false\n"
        "create index concurrently if not exists index_t_on_v on public.t (v);\n",
    )

    result = project.invoke("migrate")

    assert result.exit_code == 0, result.output
    assert "Index public.index_other_on_v is invalid" in result.output
    assert project.query("select count(*) from ilp_migrations._yoyo_migration") == [(2,)]
