"""Tests of the destructive-change guard (runner.guard), which needs no database."""

import pathlib
import textwrap

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from runner.guard import (
    ALLOWABLE_OPERATIONS,
    OPERATIONS,
    Finding,
    GuardConfig,
    blocking,
    check_migration,
    check_migrations,
)
from runner.guard.column_types import classify_change, parse_column_type

PATH = pathlib.Path("sql/migrations/0007_test.sql")
HEADER = "-- Test migration.\n-- depends: 0006_previous\n"


def check(sql: str, lookup=None, config: GuardConfig = GuardConfig()) -> list[Finding]:
    """Check a migration whose text is `sql`, dedented, under PATH."""
    return check_migration(PATH, textwrap.dedent(sql), config, lookup)


def only(findings: list[Finding]) -> Finding:
    """Return the single finding, failing with the whole list otherwise."""
    assert len(findings) == 1, [finding.format() for finding in findings]
    return findings[0]


def lookup_from(types: dict[tuple[str | None, str, str], str]):
    """Return a column type lookup backed by a dict, recording its calls."""

    def lookup(schema, table, column):
        lookup.calls.append((schema, table, column))
        return types.get((schema, table, column))

    lookup.calls = []
    return lookup


def write_migrations(folder: pathlib.Path, texts: list[str]) -> list[pathlib.Path]:
    """Write numbered migration files and return their paths in order."""
    paths = []
    for number, text in enumerate(texts, start=1):
        path = folder / f"{number:04d}_step.sql"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        paths.append(path)
    return paths


# Rejected statements.


def test_drop_column_rejected():
    finding = only(check(HEADER + "alter table app.classes drop column code;\n"))
    assert finding.operation == "drop_column"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "code" in finding.message
    assert "app.classes" in finding.message
    assert finding.allowed is False


def test_drop_table_rejected():
    finding = only(check(HEADER + "drop table app.classes;\n"))
    assert finding.operation == "drop_table"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "app.classes" in finding.message


def test_rename_column_rejected():
    finding = only(check(HEADER + "alter table app.t rename column a to b;\n"))
    assert finding.operation == "rename_column"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "a of app.t" in finding.message
    assert " b " in finding.message


def test_narrowing_text_to_varchar_rejected():
    lookup = lookup_from({("app", "t", "c"): "text"})
    finding = only(check(HEADER + "alter table app.t alter column c type varchar(10);\n", lookup))
    assert finding.operation == "alter_column_type"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "column c of app.t" in finding.message
    assert "from text to varchar(10)" in finding.message
    assert lookup.calls == [("app", "t", "c")]


def test_narrowing_unknown_old_type_rejected():
    finding = only(check(HEADER + "alter table app.t alter column c type text;\n"))
    assert finding.operation == "alter_column_type"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "column c of app.t" in finding.message
    assert "could not be determined" in finding.message


def test_narrowing_when_lookup_finds_nothing():
    lookup = lookup_from({})
    finding = only(check("alter table app.t alter column c type text;\n", lookup))
    assert finding.operation == "alter_column_type"
    assert "could not be determined" in finding.message


def test_varchar_to_citext_rejected():
    lookup = lookup_from({("app", "t", "email"): "character varying(200)"})
    finding = only(check("alter table app.t alter column email type citext;\n", lookup))
    assert finding.operation == "alter_column_type"
    assert finding.severity == "error"


def test_type_change_with_using_rejected():
    lookup = lookup_from({("app", "t", "c"): "integer"})
    sql = "alter table app.t alter column c type bigint using c * 2;\n"
    finding = only(check(sql, lookup))
    assert finding.operation == "alter_column_type"
    assert "using expression" in finding.message


def test_int_to_bigint_rewrite_is_error_by_default():
    lookup = lookup_from({("app", "t", "n"): "integer"})
    finding = only(check(HEADER + "alter table app.t alter column n type bigint;\n", lookup))
    assert finding.operation == "rewrite_column_type"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "column n of app.t" in finding.message


def test_int_to_bigint_rewrite_warning_when_configured():
    lookup = lookup_from({("app", "t", "n"): "integer"})
    config = GuardConfig(table_rewrite="warning")
    finding = only(check("alter table app.t alter column n type bigint;\n", lookup, config))
    assert finding.operation == "rewrite_column_type"
    assert finding.severity == "warning"


def test_truncate_rejected():
    finding = only(check(HEADER + "truncate app.t;\n"))
    assert finding.operation == "truncate"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "app.t" in finding.message


def test_delete_without_where_rejected():
    finding = only(check(HEADER + "delete from app.t;\n"))
    assert finding.operation == "delete_without_where"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "app.t" in finding.message


def test_update_without_where_rejected():
    finding = only(check(HEADER + "update app.t set a = 1;\n"))
    assert finding.operation == "update_without_where"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "app.t" in finding.message


def test_add_not_null_column_without_default_rejected():
    finding = only(check(HEADER + "alter table app.t add column c int not null;\n"))
    assert finding.operation == "add_column_not_null"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "c on app.t" in finding.message


def test_add_column_volatile_default_rejected():
    sql = "alter table app.t add column id2 uuid default app.uuid_v7();\n"
    finding = only(check(sql))
    assert finding.operation == "add_column_rewrite"
    assert finding.severity == "error"
    assert "app.uuid_v7()" in finding.message


def test_add_identity_column_rejected():
    sql = "alter table app.t add column n bigint generated always as identity;\n"
    finding = only(check(sql))
    assert finding.operation == "add_column_rewrite"
    assert "identity" in finding.message


def test_rename_enum_value_rejected():
    finding = only(check(HEADER + "alter type app.status rename value 'a' to 'b';\n"))
    assert finding.operation == "rename_enum_value"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "app.status" in finding.message
    assert "'a'" in finding.message


def test_non_concurrent_index_error_by_default():
    finding = only(check(HEADER + "create index index_t_on_a on app.t (a);\n"))
    assert finding.operation == "non_concurrent_index"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "index_t_on_a on app.t" in finding.message


def test_non_concurrent_index_warning_when_configured():
    config = GuardConfig(non_concurrent_index="warning")
    finding = only(check("create index index_t_on_a on app.t (a);\n", config=config))
    assert finding.operation == "non_concurrent_index"
    assert finding.line == 1
    assert finding.severity == "warning"


def test_concurrent_index_in_transaction_rejected():
    finding = only(check(HEADER + "create index concurrently index_t_on_a on app.t (a);\n"))
    assert finding.operation == "needs_transactional_false"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "create index concurrently" in finding.message


def test_drop_index_concurrently_in_transaction_rejected():
    findings = check("drop index concurrently app.index_t_on_a;\n")
    operations = [finding.operation for finding in findings]
    assert operations == ["drop_index", "needs_transactional_false"]
    assert "app.index_t_on_a" in findings[0].message


def test_detach_partition_concurrently_in_transaction_rejected():
    finding = only(check("alter table app.events detach partition app.events_2020 concurrently;\n"))
    assert finding.operation == "needs_transactional_false"


@pytest.mark.parametrize(
    ("sql", "operation", "name"),
    [
        pytest.param("drop schema learning cascade;", "drop_schema", "learning", id="schema"),
        pytest.param(
            "drop view app.active_students;", "drop_view", "app.active_students", id="view"
        ),
        pytest.param(
            "drop materialized view app.totals;", "drop_view", "app.totals", id="materialized_view"
        ),
        pytest.param("drop function app.enrol(uuid);", "drop_function", "app.enrol", id="function"),
        pytest.param("drop procedure app.purge();", "drop_function", "app.purge", id="procedure"),
        pytest.param(
            "drop policy select_own on app.lessons;",
            "drop_policy",
            "select_own on app.lessons",
            id="policy",
        ),
        pytest.param("drop type app.status;", "drop_type", "app.status", id="type"),
        pytest.param("drop domain app.email;", "drop_type", "app.email", id="domain"),
        pytest.param(
            "alter table app.t drop constraint check_t_a;",
            "drop_constraint",
            "check_t_a",
            id="table_constraint",
        ),
        pytest.param(
            "alter domain app.email drop constraint check_email;",
            "drop_constraint",
            "check_email",
            id="domain_constraint",
        ),
        pytest.param("drop index app.index_t_on_a;", "drop_index", "app.index_t_on_a", id="index"),
        pytest.param("drop trigger tg_t on app.t;", "drop_trigger", "tg_t on app.t", id="trigger"),
        pytest.param("drop sequence app.counter;", "drop_sequence", "app.counter", id="sequence"),
        pytest.param("drop extension pg_trgm;", "drop_extension", "pg_trgm", id="extension"),
        pytest.param("drop role old_login;", "drop_object", "old_login", id="role"),
        pytest.param(
            "alter type app.address drop attribute zip;",
            "drop_column",
            "zip of app.address",
            id="type_attribute",
        ),
    ],
)
def test_drop_statement_rejected(sql, operation, name):
    finding = only(check(HEADER + sql + "\n"))
    assert finding.operation == operation
    assert finding.line == 3
    assert finding.severity == "error"
    assert name in finding.message


@pytest.mark.parametrize(
    ("sql", "operation", "name"),
    [
        pytest.param("alter table app.t rename to t2;", "rename_table", "app.t", id="table"),
        pytest.param("alter view app.v rename to v2;", "rename_view", "app.v", id="view"),
        pytest.param(
            "alter schema learning rename to study;", "rename_schema", "learning", id="schema"
        ),
        pytest.param(
            "alter type app.status rename to state;", "rename_type", "app.status", id="type"
        ),
        pytest.param(
            "alter function app.f(int) rename to g;", "rename_function", "app.f", id="function"
        ),
        pytest.param(
            "alter table app.t set schema archive;", "set_schema", "app.t", id="set_schema"
        ),
    ],
)
def test_rename_statement_rejected(sql, operation, name):
    finding = only(check(HEADER + sql + "\n"))
    assert finding.operation == operation
    assert finding.line == 3
    assert finding.severity == "error"
    assert name in finding.message


def test_set_not_null_on_existing_table_rejected():
    finding = only(check(HEADER + "alter table app.t alter column c set not null;\n"))
    assert finding.operation == "set_not_null"
    assert finding.line == 3
    assert finding.severity == "error"
    assert "column c of app.t" in finding.message


def test_drop_not_null_warns():
    finding = only(check(HEADER + "alter table app.t alter column c drop not null;\n"))
    assert finding.operation == "drop_not_null"
    assert finding.line == 3
    assert finding.severity == "warning"
    assert "column c of app.t" in finding.message


def test_foreign_key_without_not_valid_warns():
    sql = "alter table app.t add constraint fk_t_u foreign key (u) references app.u (id);\n"
    finding = only(check(HEADER + sql))
    assert finding.operation == "add_constraint_without_not_valid"
    assert finding.line == 3
    assert finding.severity == "warning"
    assert "fk_t_u on app.t" in finding.message
    assert "app.u" in finding.message


def test_check_without_not_valid_warns():
    finding = only(check("alter table app.t add constraint check_t_a check (a > 0);\n"))
    assert finding.operation == "add_constraint_without_not_valid"
    assert finding.severity == "warning"


def test_unique_constraint_builds_index_rejected():
    finding = only(check("alter table app.t add constraint unique_t_a unique (a);\n"))
    assert finding.operation == "add_constraint_with_index"
    assert finding.severity == "error"
    assert "unique_t_a on app.t" in finding.message


def test_validate_in_same_transaction_warns():
    sql = """\
        alter table app.t add constraint check_t_a check (a > 0) not valid;
        alter table app.t validate constraint check_t_a;
    """
    finding = only(check(sql))
    assert finding.operation == "validate_constraint_same_transaction"
    assert finding.line == 2
    assert finding.severity == "warning"
    assert "check_t_a" in finding.message


def test_non_transactional_file_with_two_statements_warns():
    sql = """\
        -- Add two indexes.
        -- transactional: false
        create index concurrently index_t_on_a on app.t (a);
        create index concurrently index_t_on_b on app.t (b);
    """
    finding = only(check(sql))
    assert finding.operation == "non_transactional_multiple_statements"
    assert finding.line == 4
    assert finding.severity == "warning"


def test_unneeded_transactional_false_warns():
    sql = """\
        -- transactional: false
        alter table app.t add column c text;
    """
    finding = only(check(sql))
    assert finding.operation == "unneeded_transactional_false"
    assert finding.line == 1
    assert finding.severity == "warning"


@pytest.mark.parametrize("keyword", ["begin", "commit", "rollback"])
def test_transaction_control_rejected(keyword):
    finding = only(check(f"{keyword};\n"))
    assert finding.operation == "transaction_control"
    assert keyword in finding.message


def test_syntax_error_is_one_finding():
    sql = HEADER + "create table app.t (id int);\nalter table app.t add colum x int;\n"
    finding = only(check(sql))
    assert finding.operation == "syntax_error"
    assert finding.line == 4
    assert finding.severity == "error"
    assert "syntax error" in finding.message


def test_syntax_error_hides_unused_allow_directive():
    sql = "-- allow: drop_table because cleanup\ndrop tabel app.t;\n"
    finding = only(check(sql))
    assert finding.operation == "syntax_error"
    assert finding.line == 2


def test_do_block_syntax_error_reported():
    sql = """\
        do $$
        begin
          if true then
        end
        $$;
    """
    finding = only(check(sql))
    assert finding.operation == "syntax_error"
    assert finding.line == 1
    assert "PL/pgSQL" in finding.message


def test_do_block_statements_checked():
    sql = """\
        -- Backfill in one go.
        do $$
        begin
          update app.t set a = 1;
          delete from app.t where a is null;
        end
        $$;
    """
    finding = only(check(sql))
    assert finding.operation == "update_without_where"
    assert finding.line == 4
    assert finding.statement == "update app.t set a = 1"


def test_do_block_dynamic_sql_warns():
    sql = """\
        do $body$
        begin
          execute format('drop table %I', 'old');
        end
        $body$;
    """
    finding = only(check(sql))
    assert finding.operation == "dynamic_sql"
    assert finding.line == 3
    assert finding.severity == "warning"


def test_do_block_with_commit_needs_transactional_false():
    sql = """\
        do $$
        begin
          commit;
        end
        $$;
    """
    finding = only(check(sql))
    assert finding.operation == "needs_transactional_false"
    assert finding.line == 3


def test_drop_if_exists_of_object_created_in_same_file_reported():
    sql = """\
        create table app.staging (id int);
        drop table if exists app.staging;
    """
    finding = only(check(sql))
    assert finding.operation == "drop_table"
    assert finding.line == 2


def test_table_from_earlier_file_counts_as_existing(tmp_path):
    paths = write_migrations(
        tmp_path,
        [
            "create table app.t (id int, a text);\n",
            "-- Index a.\ncreate index index_t_on_a on app.t (a);\n",
        ],
    )
    finding = only(check_migrations(paths, GuardConfig()))
    assert finding.operation == "non_concurrent_index"
    assert finding.path == paths[1]
    assert finding.line == 2


# Accepted statements.


def test_concurrent_index_with_transactional_false_accepted():
    sql = """\
        -- Index lessons by title.
        -- transactional: false
        -- Lock impact: SHARE UPDATE EXCLUSIVE on content.lessons, writes continue.
        create index concurrently index_lessons_on_title on content.lessons (title);
    """
    assert check(sql) == []


def test_not_valid_then_validate_in_later_file_accepted(tmp_path):
    paths = write_migrations(
        tmp_path,
        [
            """\
            -- Require a positive a for new rows.
            alter table app.t add constraint check_t_a check (a > 0) not valid;
            """,
            """\
            -- Validate check_t_a.
            alter table app.t validate constraint check_t_a;
            """,
        ],
    )
    assert check_migrations(paths, GuardConfig()) == []


def test_set_not_null_after_validated_check_accepted(tmp_path):
    paths = write_migrations(
        tmp_path,
        [
            "alter table app.t add constraint check_t_c check (c is not null) not valid;\n",
            """\
            alter table app.t validate constraint check_t_c;
            alter table app.t alter column c set not null;
            """,
        ],
    )
    assert check_migrations(paths, GuardConfig()) == []


def test_set_not_null_after_unrelated_check_rejected(tmp_path):
    paths = write_migrations(
        tmp_path,
        [
            "alter table app.t add constraint check_t_a check (a > 0) not valid;\n",
            """\
            alter table app.t validate constraint check_t_a;
            alter table app.t alter column c set not null;
            """,
        ],
    )
    finding = only(check_migrations(paths, GuardConfig()))
    assert finding.operation == "set_not_null"
    assert finding.line == 2


def test_new_nullable_column_accepted():
    assert check(HEADER + "alter table app.t add column nickname text;\n") == []


def test_new_column_with_constant_default_accepted():
    sql = """\
        alter table app.t add column active boolean not null default true;
        alter table app.t add column settings jsonb not null default '{}'::jsonb;
        alter table app.t add column created_at timestamptz not null default now();
    """
    assert check(sql) == []


def test_add_enum_value_in_transaction_accepted():
    assert check("alter type app.status add value 'archived';\n") == []


def test_varchar_to_text_widening_accepted():
    lookup = lookup_from({("app", "t", "c"): "character varying(20)"})
    assert check("alter table app.t alter column c type text;\n", lookup) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("character varying(20)", "varchar(30)"),
        ("character varying(20)", "varchar"),
        ("numeric(10,2)", "numeric"),
        ("numeric(10,2)", "numeric(12,2)"),
        ("text", "text"),
    ],
)
def test_known_widening_accepted(old, new):
    lookup = lookup_from({("app", "t", "c"): old})
    assert check(f"alter table app.t alter column c type {new};\n", lookup) == []


def test_widening_of_column_from_earlier_file_accepted(tmp_path):
    paths = write_migrations(
        tmp_path,
        [
            "create table app.t (id int primary key, c varchar(20));\n",
            "alter table app.t alter column c type text;\n",
        ],
    )
    assert check_migrations(paths, GuardConfig(), lookup_from({})) == []


def test_earlier_file_type_wins_over_catalog(tmp_path):
    paths = write_migrations(
        tmp_path,
        [
            "alter table app.t add column c varchar(20);\n",
            "alter table app.t alter column c type varchar(10);\n",
        ],
    )
    lookup = lookup_from({("app", "t", "c"): "text"})
    finding = only(check_migrations(paths, GuardConfig(), lookup))
    assert finding.operation == "alter_column_type"
    assert "from varchar(20) to varchar(10)" in finding.message
    assert lookup.calls == []


def test_table_created_and_indexed_in_same_file_accepted():
    sql = """\
        create table app.t (id uuid primary key, a text not null, u uuid);
        create index index_t_on_a on app.t (a);
        alter table app.t add column b int not null;
        alter table app.t add constraint fk_t_u foreign key (u) references app.u (id);
        alter table app.t alter column a set not null;
    """
    assert check(sql) == []


def test_ordinary_statements_accepted():
    sql = """\
        create table app.t (id uuid primary key, a text);
        comment on table app.t is 'What t is for.';
        grant select on app.t to ilp_app;
        insert into app.t (id, a) values ('00000000-0000-0000-0000-000000000000', 'x');
        update app.t set a = 'y' where a = 'x';
        delete from app.t where a is null;
        create function app.f() returns int language sql immutable as $$ select 1 $$;
        alter table app.t enable row level security;
    """
    assert check(sql) == []


def test_allow_directive_marks_finding():
    sql = """\
        -- Drop the unused code column.
        -- allow: drop_column because no release since 2.3 reads or writes it
        alter table app.classes drop column code;
    """
    finding = only(check(sql))
    assert finding.operation == "drop_column"
    assert finding.allowed is True
    assert finding.reason == "no release since 2.3 reads or writes it"
    assert blocking([finding], allow_flag=False) == [finding]
    assert blocking([finding], allow_flag=True) == []


def test_allow_directive_covers_only_its_operation():
    sql = """\
        -- allow: drop_column because unused
        alter table app.t drop column a;
        drop table app.u;
    """
    findings = check(sql)
    assert [(f.operation, f.allowed) for f in findings] == [
        ("drop_column", True),
        ("drop_table", False),
    ]
    assert blocking(findings, allow_flag=True) == [findings[1]]


def test_blocking_ignores_warnings():
    finding = only(check("alter table app.t add constraint check_t_a check (a > 0);\n"))
    assert blocking([finding], allow_flag=False) == []


def test_allow_directive_without_reason_rejected():
    sql = """\
        -- allow: drop_column because
        alter table app.t drop column a;
    """
    findings = check(sql)
    assert [(f.operation, f.line, f.severity, f.allowed) for f in findings] == [
        ("invalid_allow_directive", 1, "error", False),
        ("drop_column", 2, "error", False),
    ]
    assert "no reason" in findings[0].message


def test_allow_directive_without_because_rejected():
    finding = only(check("-- allow: truncate\n"))
    assert finding.operation == "invalid_allow_directive"
    assert "because" in finding.message


def test_allow_directive_with_unknown_operation_rejected():
    finding = only(check("-- allow: drop_everything because why not\n"))
    assert finding.operation == "invalid_allow_directive"
    assert "drop_everything" in finding.message


def test_allow_directive_after_first_statement_rejected():
    sql = """\
        alter table app.t drop column a;
        -- allow: drop_column because too late
    """
    findings = check(sql)
    assert [(f.operation, f.line, f.allowed) for f in findings] == [
        ("drop_column", 1, False),
        ("invalid_allow_directive", 2, False),
    ]


def test_unused_allow_directive_warns():
    finding = only(check("-- allow: drop_table because cleanup\nselect 1;\n"))
    assert finding.operation == "unused_allow_directive"
    assert finding.line == 1
    assert finding.severity == "warning"


def test_line_numbers_with_comments_and_dollar_quotes():
    sql = """\
        -- Rework the enrolment helpers. Ünïcode in comments must not shift offsets.
        -- depends: 0006_previous
        --
        -- Lock impact: none on existing tables.

        create table app.enrolments (id uuid primary key, note text);

        /* A block comment
           over two lines. */
        create function app.reset_notes() returns void
        language plpgsql
        as $outer$
        begin
          -- drop table app.enrolments;
          execute $inner$ drop table app.enrolments $inner$;
          raise notice 'drop table app.enrolments';
        end
        $outer$;

        alter table app.enrolments
            drop column note;
        truncate app.enrolments;
    """
    findings = check(sql)
    assert [(f.operation, f.line) for f in findings] == [("drop_column", 20), ("truncate", 22)]
    assert findings[0].statement == "alter table app.enrolments drop column note"


def test_line_numbers_with_crlf_line_endings():
    sql = "-- Purpose.\r\n-- depends: 0001_a\r\n\r\ndrop table app.t;\r\n"
    finding = only(check_migration(PATH, sql, GuardConfig()))
    assert finding.line == 4


@given(
    prefix=st.lists(
        st.sampled_from(["", "-- note", "   ", "select 1;", "/* c */", "-- é ü ✓"]), max_size=12
    )
)
def test_line_number_follows_prefix(prefix):
    sql = "\n".join(prefix + ["drop table app.t;"]) + "\n"
    findings = [f for f in check(sql) if f.operation == "drop_table"]
    assert only(findings).line == len(prefix) + 1


# The Finding, the configuration and the vocabulary.


def test_finding_format_names_file_line_and_alternative():
    finding = only(check(HEADER + "alter table app.classes drop column code;\n"))
    text = finding.format()
    assert text.startswith("sql/migrations/0007_test.sql:3: error: drop_column: ")
    assert "app.classes" in text
    assert OPERATIONS["drop_column"] in text
    assert "\n" not in text


def test_finding_format_shows_allow_reason():
    sql = "-- allow: truncate because test data only\ntruncate app.t;\n"
    assert only(check(sql)).format().endswith("Allowed by directive: test data only")


def test_statement_summary_is_one_short_line():
    columns = "x, " * 40
    sql = "delete from app.t\n    -- every row\n" + "  " * 40 + f"returning id, {columns}y;\n"
    finding = only(check(sql))
    assert "\n" not in finding.statement
    assert len(finding.statement) <= 80
    assert finding.statement.startswith("delete from app.t -- every row returning id")


def test_every_allowable_operation_has_an_alternative():
    assert ALLOWABLE_OPERATIONS <= set(OPERATIONS)
    assert "syntax_error" not in ALLOWABLE_OPERATIONS
    for operation, alternative in OPERATIONS.items():
        assert operation.islower() and " " not in operation
        assert alternative and not alternative.endswith(".")


def test_every_operation_documented():
    guide = (pathlib.Path(__file__).resolve().parents[1] / "docs" / "migrations.md").read_text()
    missing = [operation for operation in OPERATIONS if f"`{operation}`" not in guide]
    assert missing == []


def test_config_from_pyproject_reads_table(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.ilp-db.guard]\nnon_concurrent_index = "warning"\n')
    config = GuardConfig.from_pyproject(pyproject)
    assert config == GuardConfig(non_concurrent_index="warning", table_rewrite="error")


def test_config_defaults_without_table(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "ilp-db"\n')
    assert GuardConfig.from_pyproject(pyproject) == GuardConfig()


def test_config_defaults_without_file(tmp_path):
    assert GuardConfig.from_pyproject(tmp_path / "missing.toml") == GuardConfig()


def test_config_rejects_unknown_key(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.ilp-db.guard]\nnon_concurent_index = "warning"\n')
    with pytest.raises(ValueError, match="non_concurent_index"):
        GuardConfig.from_pyproject(pyproject)


def test_config_rejects_invalid_severity():
    with pytest.raises(ValueError, match="non_concurrent_index = 'fatal'"):
        GuardConfig(non_concurrent_index="fatal")


# Type change classification.


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("character varying(20)", "text", "widening"),
        ("character varying(20)", "character varying(20)", "same"),
        ("character varying(20)", "character varying(19)", "narrowing"),
        ("text", "character varying", "widening"),
        ("text", "character varying(100)", "narrowing"),
        ("numeric(10,2)", "numeric(12,4)", "rewrite"),
        ("numeric(10,2)", "numeric(10,3)", "narrowing"),
        ("numeric", "numeric(10,2)", "narrowing"),
        ("smallint", "integer", "rewrite"),
        ("smallint", "bigint", "rewrite"),
        ("bigint", "integer", "narrowing"),
        ("integer[]", "bigint[]", "narrowing"),
        ("public.citext", "citext", "same"),
        ("timestamp without time zone", "timestamp with time zone", "narrowing"),
    ],
)
def test_classify_change(old, new, expected):
    assert classify_change(parse_column_type(old), parse_column_type(new)) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("varchar(20)", "text"),
        ("varchar(20)", "varchar(30)"),
        ("varchar(20)", "varchar"),
        ("text", "varchar"),
        ("numeric(10,2)", "numeric"),
        ("numeric(10,2)", "numeric(12,2)"),
        ("smallint", "integer"),
        ("integer", "bigint"),
        ("numeric(10,2)", "numeric(12,4)"),
    ],
)
def test_classification_matches_postgresql(database_url, old, new):
    """A widening keeps the table and index files, a rewrite replaces them, on the real server."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute(f"create table widen (c {old})")
        connection.execute("create index index_widen_on_c on widen (c)")
        connection.execute("insert into widen select 1 from generate_series(1, 100)")
        files_sql = (
            "select array_agg(relfilenode order by relname) from pg_class "
            "where relname in ('widen', 'index_widen_on_c')"
        )
        before = connection.execute(files_sql).fetchone()[0]
        old_type = connection.execute(
            "select format_type(atttypid, atttypmod) from pg_attribute "
            "where attrelid = 'widen'::regclass and attname = 'c'"
        ).fetchone()[0]
        connection.execute(f"alter table widen alter column c type {new}")
        after = connection.execute(files_sql).fetchone()[0]

    change = classify_change(parse_column_type(old_type), parse_column_type(new))
    assert change in ("widening", "rewrite")
    assert (before == after) == (change == "widening")


def test_parse_column_type_rejects_garbage():
    assert parse_column_type("not a ) type") is None
