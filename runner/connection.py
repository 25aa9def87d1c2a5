"""Connections: the target URL, its redacted form for messages, and connection errors."""

import os
import re

import psycopg
from psycopg.conninfo import conninfo_to_dict

from runner import cluster
from runner.errors import ConnectionFailed, IlpError
from runner.paths import Project

APPLICATION_NAME = "ilp-db"


def target_url(project: Project) -> str:
    """Return DATABASE_URL when set, otherwise the URL of the local cluster's database."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    return cluster.locate(project).url()


_URL_PASSWORD = re.compile(r"(://[^/@:\s]*:)[^@\s]*@")
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def redact(text: str) -> str:
    """Return text with every password of a libpq URL or key=value string replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return _KEYWORD_PASSWORD.sub(r"\1***", text)


def libpq_environment(url: str) -> dict[str, str]:
    """Return the environment plus PG* variables for url, for pg_dump, psql and pg_prove.

    Passing the connection this way keeps the password off the command line, where any local
    user could read it in the process list.
    """
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise IlpError(f"invalid connection string: {redact(first_line(error))}; check DATABASE_URL") from None
    mapping = {
        "host": "PGHOST",
        "hostaddr": "PGHOSTADDR",
        "port": "PGPORT",
        "dbname": "PGDATABASE",
        "user": "PGUSER",
        "password": "PGPASSWORD",
        "passfile": "PGPASSFILE",
        "sslmode": "PGSSLMODE",
        "sslrootcert": "PGSSLROOTCERT",
        "sslcert": "PGSSLCERT",
        "sslkey": "PGSSLKEY",
        "options": "PGOPTIONS",
        "connect_timeout": "PGCONNECT_TIMEOUT",
    }
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    for key, variable in mapping.items():
        if parts.get(key):
            environment[variable] = str(parts[key])
    return environment


def describe(url: str) -> str:
    """Return the connection target for messages: host, port, database and user, no password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "an unparsable connection string (check DATABASE_URL)"
    host = parts.get("host") or "the default socket"
    port = parts.get("port") or "5432"
    database = parts.get("dbname") or parts.get("user") or "(default)"
    user = parts.get("user") or "(current OS user)"
    return f"database {database} on {host} port {port} as {user}"


def connect(url: str, purpose: str = "", autocommit: bool = True, **settings: str) -> psycopg.Connection:
    """Open a connection, turning libpq's failures into one line that names the target.

    Keyword arguments become server settings for the session (`options=-c name=value`).
    """
    options = " ".join(f"-c {name}={value}" for name, value in settings.items())
    kwargs = {"autocommit": autocommit, "application_name": f"{APPLICATION_NAME} {purpose}".strip()}
    if options:
        kwargs["options"] = options
    try:
        return psycopg.connect(url, **kwargs)
    except psycopg.ProgrammingError as error:
        raise IlpError(f"invalid connection string: {redact(first_line(error))}; check DATABASE_URL") from None
    except psycopg.OperationalError as error:
        raise ConnectionFailed(redact(connection_failure_message(url, error))) from None


def connection_failure_message(url: str, error: Exception) -> str:
    text = first_line(error)
    target = describe(url)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        advice = "check the user and password in DATABASE_URL"
    elif "does not exist" in lowered and "database" in lowered:
        advice = "create the database (createdb) or fix the database name in DATABASE_URL"
    elif "role" in lowered and "does not exist" in lowered:
        advice = "create the login role or fix the user in DATABASE_URL"
    elif os.environ.get("DATABASE_URL"):
        advice = "check that the server is running and that DATABASE_URL points at it"
    else:
        advice = "start the local cluster with: ilp-db db start (or make migrate)"
    return f"cannot connect to {target}: {text}; {advice}"


def first_line(error: Exception) -> str:
    """Return the first non-empty line of an error, without libpq's connection address prefix."""
    for line in str(error).splitlines():
        line = line.strip()
        if not line:
            continue
        # libpq prefixes with 'connection to server on socket "..." failed: '; keep the reason.
        marker = " failed: "
        if line.startswith("connection to server") and marker in line:
            line = line.split(marker, 1)[1]
        return line
    return type(error).__name__
