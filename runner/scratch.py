"""Throwaway databases on the target server, for tests: created fresh, dropped afterwards."""

import contextlib
import logging
import uuid
from collections.abc import Iterator

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from runner.connection import connect, first_line, redact
from runner.errors import IlpError

log = logging.getLogger(__name__)

PREFIX = "ilp_test_"


def with_database(url: str, database: str) -> str:
    """Return the connection string url with its database replaced."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise IlpError(f"invalid connection string: {redact(first_line(error))}; check DATABASE_URL") from None
    parts["dbname"] = database
    return make_conninfo(**parts)


@contextlib.contextmanager
def scratch_database(url: str, label: str = "") -> Iterator[str]:
    """Create an empty database on url's server, yield its connection string, then drop it.

    The connecting user needs the CREATEDB privilege (the local cluster's postgres user has it).
    """
    suffix = uuid.uuid4().hex[:12]
    name = f"{PREFIX}{label + '_' if label else ''}{suffix}"
    admin_url = with_database(url, "postgres")
    with connect(admin_url, "scratch") as admin:
        admin.execute(f'create database "{name}"')
    log.debug("Created scratch database %s", name)
    try:
        yield with_database(url, name)
    finally:
        with connect(admin_url, "scratch") as admin:
            admin.execute(f'drop database if exists "{name}" with (force)')
        log.debug("Dropped scratch database %s", name)
