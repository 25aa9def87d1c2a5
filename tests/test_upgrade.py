"""Upgrade with data: the project's migrations applied one at a time keep every existing row.

After each migration the test loads tests/upgrade/<migration id>.sql when it exists (demo rows for
the tables that migration created; no definition file is applied before the last step, so no
trigger runs), fingerprints every table of the project schemas (row count
and a checksum over the columns that existed), and checks after the next migration that each
fingerprint is unchanged. At the end, the schema reached step by step must equal a fresh install.
"""

from pathlib import Path

import psycopg
import pytest

from runner import migrations, run, schema_dump
from runner.paths import Project
from runner.scratch import scratch_database

REPOSITORY = Path(__file__).resolve().parents[1]
FIXTURES = REPOSITORY / "tests" / "upgrade"
PROJECT_SCHEMAS = ("app", "tenancy", "content", "learning", "analytics", "audit", "privacy", "ops")

TABLES_SQL = """
    select n.nspname, c.relname
    from pg_class as c
    join pg_namespace as n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname = any(%s)
    order by 1, 2
"""
COLUMNS_SQL = """
    select attname from pg_attribute
    where attrelid = format('%%I.%%I', %s::text, %s::text)::regclass and attnum > 0 and not attisdropped
    order by attnum
"""


def fingerprint(connection: psycopg.Connection, table: tuple[str, str], columns: list[str]) -> tuple:
    """Return (row count, md5 of the sorted rows) over the given columns of a table."""
    column_list = ", ".join(f'"{c}"' for c in columns)
    row = connection.execute(
        f"""
        select count(*), coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '')
        from (select {column_list} from "{table[0]}"."{table[1]}") as r
        """
    ).fetchone()
    return row[0], row[1]


def snapshot(connection: psycopg.Connection) -> dict:
    result = {}
    for table in connection.execute(TABLES_SQL, (list(PROJECT_SCHEMAS),)).fetchall():
        columns = [r[0] for r in connection.execute(COLUMNS_SQL, table).fetchall()]
        result[table] = (columns, fingerprint(connection, table, columns))
    return result


def test_step_by_step_upgrade_keeps_rows_and_matches_fresh_install(server_url):
    project = Project(REPOSITORY)
    files = migrations.read_files(project)
    assert files, "the project has no migrations"
    loaded_fixtures = []
    with scratch_database(server_url, "upgrade") as url:
        previous: dict = {}
        for migration_file in files:
            step = run.MigrateOptions(target=migration_file.id, definitions=False)
            run.migrate(project, url, step)
            with psycopg.connect(url, autocommit=True) as connection:
                for table, (columns, expected) in previous.items():
                    try:
                        actual = fingerprint(connection, table, columns)
                    except psycopg.errors.UndefinedTable:
                        pytest.fail(f"{migration_file.id} dropped table {table[0]}.{table[1]}")
                    except psycopg.errors.UndefinedColumn as error:
                        pytest.fail(f"{migration_file.id} dropped a column of {table[0]}.{table[1]}: {error}")
                    assert actual == expected, f"{migration_file.id} changed rows of {table[0]}.{table[1]}"
                fixture = FIXTURES / f"{migration_file.id}.sql"
                if fixture.exists():
                    connection.execute(fixture.read_text())
                    loaded_fixtures.append(fixture.name)
                previous = snapshot(connection)
        run.migrate(project, url, run.MigrateOptions())
        with psycopg.connect(url, autocommit=True) as connection:
            for table, (columns, expected) in previous.items():
                assert fingerprint(connection, table, columns) == expected
        stepwise = schema_dump.normalise(schema_dump.pg_dump_schema(url))

    rows_checked = sum(fp[0] for _columns, fp in previous.values())
    assert loaded_fixtures, "no fixture under tests/upgrade matched a migration id"
    assert rows_checked > 0
    assert stepwise == schema_dump.fresh_schema(project, server_url)
