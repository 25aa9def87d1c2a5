"""Exceptions of the ilp-db command and the exit codes they map to."""

import click

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CONNECTION = 3
EXIT_DRIFT = 4
EXIT_LOCK_TIMEOUT = 5
EXIT_GUARD = 6

EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  1  a migration, definition file or cluster command failed
  2  invalid usage (unknown option, bad argument)
  3  the database server could not be reached or refused the login
  4  drift: an applied migration file was edited or deleted
  5  timed out waiting for another run's lock
  6  the guard rejected a destructive or unsafe migration
"""


class IlpError(click.ClickException):
    """An error that ends the command with a one-line message and a documented exit code."""

    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        return self.message


class UsageError(IlpError):
    """An invalid argument or option value, found after click parsed the command line."""

    exit_code = EXIT_USAGE


class ConnectionFailed(IlpError):
    exit_code = EXIT_CONNECTION


class DriftDetected(IlpError):
    exit_code = EXIT_DRIFT


class LockWaitTimeout(IlpError):
    exit_code = EXIT_LOCK_TIMEOUT


class GuardRejected(IlpError):
    exit_code = EXIT_GUARD


class MigrationFailed(IlpError):
    exit_code = EXIT_ERROR


class ClusterError(IlpError):
    exit_code = EXIT_ERROR
