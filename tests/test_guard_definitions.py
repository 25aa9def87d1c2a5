"""The guard over definition files: only (re)definitions may be re-applied on every change."""

from pathlib import Path

import pytest

from runner.guard import check_definition

PATH = Path("sql/policies/app/t.sql")


@pytest.mark.parametrize(
    "sql",
    [
        "create or replace function app.f() returns int language sql as $$ select 1 $$;",
        "create or replace procedure app.p() language sql as $$ select 1 $$;",
        "create or replace trigger tg after insert on app.t for each row execute function app.f();",
        "create or replace view app.v with (security_invoker = true) as select 1 as one;",
        "drop policy if exists select_all on app.t;\ncreate policy select_all on app.t for select using (true);",
        "drop function if exists app.f(int);\ncreate or replace function app.f(bigint) returns int language sql as $$ select 1 $$;",
        "alter policy select_all on app.t using (false);",
        "grant select on app.t to ilp_app;",
        "revoke all on app.t from public;",
        "comment on table app.t is 'x';",
        "alter table app.t enable row level security;",
        "alter table app.t force row level security;",
    ],
)
def test_definition_statement_accepted(sql):
    assert check_definition(PATH, sql + "\n") == []


@pytest.mark.parametrize(
    ("sql", "operation"),
    [
        ("drop table app.t;", "definition_statement"),
        ("truncate app.t;", "definition_statement"),
        ("delete from app.t where id = 1;", "definition_statement"),
        ("insert into app.t values (1);", "definition_statement"),
        ("do $$ begin perform 1; end $$;", "definition_statement"),
        ("alter table app.t disable row level security;", "definition_statement"),
        ("alter table app.t no force row level security;", "definition_statement"),
        ("alter table app.t drop column c;", "definition_statement"),
        ("create function app.f() returns int language sql as $$ select 1 $$;", "definition_statement"),
        ("drop policy if exists select_all on app.t;", "definition_drop"),
        ("drop function app.f();", "definition_drop"),
        ("drop view app.v;", "definition_drop"),
        ("select 1 from;", "syntax_error"),
    ],
)
def test_definition_statement_rejected(sql, operation):
    findings = check_definition(PATH, "-- A definition file.\n" + sql + "\n")

    assert [f.operation for f in findings] == [operation]
    assert findings[0].line == 2
    assert findings[0].severity == "error"


def test_drop_policy_of_other_table_is_rejected():
    sql = "drop policy if exists p on app.a;\ncreate policy p on app.b for select using (true);\n"

    findings = check_definition(PATH, sql)

    assert [(f.operation, f.line) for f in findings] == [("definition_drop", 1)]
    assert "app.a.p" in findings[0].message
