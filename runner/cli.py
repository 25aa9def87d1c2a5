"""The ilp-db command: migrations, status and the local PostgreSQL cluster."""

import json
import logging
import os
import re
import sys
from pathlib import Path

import click
import psycopg

from runner import cluster as local_cluster
from runner import migrations, run
from runner.connection import describe, redact, target_url
from runner.errors import EXIT_CODES_HELP, EXIT_DRIFT, EXIT_GUARD, IlpError, UsageError
from runner.paths import find_project

log = logging.getLogger("runner")

MIGRATION_TEMPLATE = """\
-- {purpose}
{depends}--
-- Lock impact: none; this migration only creates new objects.
-- (When it alters an existing table, say which lock it takes and for how long.)

"""


class _ClickHandler(logging.Handler):
    """Send log records to standard error through click, so CliRunner captures them."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:  # a failed log write goes to handleError, not to the command
            self.handleError(record)


def _configure_logging(verbose: int, quiet: bool) -> None:
    handler = _ClickHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, _ClickHandler):
            root.removeHandler(existing)
    root.addHandler(handler)
    if quiet:
        level = logging.WARNING
    elif verbose:
        level = logging.DEBUG
    else:
        level = logging.INFO
    root.setLevel(level)
    # yoyo logs every statement at INFO; show that only from -vv on.
    logging.getLogger("yoyo").setLevel(logging.DEBUG if verbose >= 2 else logging.WARNING)


class _Group(click.Group):
    """A command group that turns unexpected database errors into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except psycopg.errors.InsufficientPrivilege as error:
            raise IlpError(
                f"permission denied: {error.diag.message_primary} (SQLSTATE 42501); the login "
                "needs membership in ilp_owner and CREATE on the database (see docs/operations.md)"
            ) from None
        except psycopg.Error as error:
            text = error.diag.message_primary or str(error).splitlines()[0]
            raise IlpError(f"database error: {redact(text)} (SQLSTATE {error.sqlstate})") from None


def _duration_option(_ctx, _param, value: str) -> str:
    if not re.fullmatch(r"\d+\s*(ms|s|min|h)?", value.strip()):
        raise click.BadParameter(f"{value!r} is not a duration; use a number with ms, s, min or h, e.g. 5s")
    return value.strip()


@click.group(cls=_Group, epilog=EXIT_CODES_HELP)
@click.option("-v", "--verbose", count=True, help="More output; repeat (-vv) to log every SQL statement.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
@click.version_option(package_name="ilp-db")
def main(verbose: int, quiet: bool) -> None:
    """Migrate and inspect the ilp-db PostgreSQL database.

    The target is DATABASE_URL when set (any libpq URL or key=value string), otherwise the local
    cluster that `ilp-db db start` runs inside the project.

    \b
    Example:
        ilp-db db start && ilp-db migrate && ilp-db status
    """
    _configure_logging(verbose, quiet)


@main.command()
@click.option("--dry-run", is_flag=True, help="Print what would be applied and change nothing.")
@click.option(
    "--lock-wait",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds to wait for another run's lock before giving up.",
)
@click.option(
    "--lock-timeout",
    default="5s",
    show_default=True,
    envvar="ILP_LOCK_TIMEOUT",
    callback=_duration_option,
    help="lock_timeout of each migration (PostgreSQL duration, e.g. 5s, 500ms).",
)
@click.option(
    "--statement-timeout",
    default="0",
    show_default=True,
    envvar="ILP_STATEMENT_TIMEOUT",
    callback=_duration_option,
    help="statement_timeout of each migration (PostgreSQL duration; 0 means none).",
)
@click.option(
    "--lock-retries",
    default=3,
    show_default=True,
    type=click.IntRange(min=0, max=20),
    help="Retries of a transactional migration that failed only on lock_timeout.",
)
@click.option(
    "--allow-destructive",
    is_flag=True,
    help="Apply guarded operations that the migration file allows with '-- allow: ...'.",
)
@click.option(
    "--target",
    metavar="MIGRATION_ID",
    help="Stop after this migration (file name without .sql); definitions are then skipped.",
)
def migrate(dry_run, lock_wait, lock_timeout, statement_timeout, lock_retries, allow_destructive, target):
    """Apply pending migrations, then changed functions and policies.

    The whole run holds an advisory lock on the database, so concurrent runs wait (up to
    --lock-wait seconds) and then find nothing to do. Each transactional migration commits
    together with its record; an applied file that was later edited or deleted stops the run.

    \b
    Example:
        ilp-db migrate --dry-run
        DATABASE_URL=postgresql://ilp_migrator@db.internal/ilp ilp-db migrate
    """
    project = find_project()
    url = target_url(project)
    log.debug("Target: %s", describe(url))
    timeouts = migrations.Timeouts(
        lock_timeout=lock_timeout, statement_timeout=statement_timeout, lock_retries=lock_retries
    )
    options = run.MigrateOptions(
        dry_run=dry_run,
        lock_wait_seconds=lock_wait,
        allow_destructive=allow_destructive,
        target=target,
        timeouts=timeouts,
    )
    run.migrate(project, url, options)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def lint(files: tuple[Path, ...]) -> None:
    """Check migrations and definition files with the guard, using PostgreSQL's own parser.

    Without FILES, every file under sql/migrations is checked in order, so column types created
    by earlier files are known, and every file under sql/functions and sql/policies is checked
    for statements other than (re)definitions. FILES under sql/functions or sql/policies are
    checked as definition files. A finding covered by an '-- allow: <operation> because <reason>'
    directive is reported but does not fail the check; `ilp-db migrate` additionally needs
    --allow-destructive to apply it. Exits with 6 when any other error is found.

    \b
    Example:
        ilp-db lint sql/migrations/0012_add_due_dates.sql
    """
    from runner import definitions, guard, guard_check

    project = find_project()
    if files:
        definition_roots = (project.functions_dir.resolve(), project.policies_dir.resolve())
        definition_paths = [p for p in files if any(r in p.resolve().parents for r in definition_roots)]
        migration_paths = [p for p in files if p not in definition_paths]
    else:
        migration_paths = [f.path for f in migrations.read_files(project)]
        definition_paths = [d.path for d in definitions.read_files(project, None)[0]]
    paths = [*migration_paths, *definition_paths]
    findings = guard_check.find(project, migration_paths, definition_paths)
    blocking = guard.blocking(findings, allow_flag=True)
    for finding in findings:
        prefix = "allowed: " if finding.allowed else ""
        click.echo(prefix + guard_check.format_relative(project, finding))
    errors = len(blocking)
    warnings = sum(1 for f in findings if f.severity == "warning" and not f.allowed)
    allowed = sum(1 for f in findings if f.allowed)
    click.echo(
        f"Checked {len(paths)} file(s): {errors} error(s), {warnings} warning(s), "
        f"{allowed} allowed by directive."
    )
    if blocking:
        sys.exit(EXIT_GUARD)


@main.command("dump-schema")
@click.option("--check", is_flag=True, help="Compare with sql/schema.sql instead of writing it; exit 1 when stale.")
def dump_schema(check: bool) -> None:
    """Write sql/schema.sql: the normalised schema of a fresh install.

    A scratch database on the target server is migrated from the files, dumped with pg_dump
    (schema only, without the runner's bookkeeping) and dropped. Commit the file with every change
    so reviewers see the full effect of its migrations.

    \b
    Example:
        ilp-db dump-schema && git diff sql/schema.sql
    """
    from runner import schema_dump

    project = find_project()
    text = schema_dump.fresh_schema(project, target_url(project))
    path = project.root / schema_dump.SNAPSHOT
    if check:
        if not path.exists() or path.read_text() != text:
            raise IlpError(
                f"{schema_dump.SNAPSHOT} is stale: it does not match a fresh install of the "
                "migrations and definitions; run ilp-db dump-schema and commit the file"
            )
        click.echo(f"{schema_dump.SNAPSHOT} is up to date")
        return
    path.write_text(text)
    click.echo(f"Wrote {schema_dump.SNAPSHOT} ({len(text.splitlines())} lines)")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as one JSON object.")
def status(as_json: bool) -> None:
    """Show applied, pending and changed migrations and definition files.

    Exits with 4 when an applied migration was edited or deleted (drift); pending work alone
    exits with 0.

    \b
    Example:
        ilp-db status --json | jq .pending
    """
    project = find_project()
    current = run.status(project, target_url(project))
    if as_json:
        click.echo(json.dumps(current.as_json(project), indent=2))
    else:
        _print_status(current)
    if current.plan.drift:
        sys.exit(EXIT_DRIFT)


def _print_status(current: run.Status) -> None:
    click.echo("Migrations:")
    if not current.plan.statuses:
        click.echo("  (none)")
    for entry in current.plan.statuses:
        when = f"  {entry.applied_at:%Y-%m-%d %H:%M:%S} UTC" if entry.applied_at else ""
        detail = f"  ({entry.detail})" if entry.detail else ""
        click.echo(f"  {entry.state:<8} {entry.id}{when}{detail}")
    click.echo("Definitions:")
    if not current.definition_files and not current.removed_definitions:
        click.echo("  (none)")
    for definition in current.definition_files:
        click.echo(f"  {definition.state:<8} {definition.relative}")
    for removed in current.removed_definitions:
        click.echo(f"  {'removed':<8} {removed.relative}  (file deleted; its objects stay)")
    for name in current.invalid_indexes:
        click.echo(f"Invalid index: {name} (a concurrent build failed; rebuild or drop it)")
    pending = len(current.plan.pending)
    definitions_pending = len(current.pending_definitions)
    drift = len(current.plan.drift)
    click.echo(
        f"Summary: {pending} pending migration(s), {definitions_pending} definition file(s) to "
        f"apply, {drift} drifted, {len(current.invalid_indexes)} invalid index(es)."
    )


@main.command()
@click.argument("slug")
@click.option("--purpose", default="", help="The one-line purpose written at the top of the file.")
def new(slug: str, purpose: str) -> None:
    """Write the next numbered migration file with the project's header.

    \b
    Example:
        ilp-db new add_lesson_due_dates --purpose "Add due dates to lesson assignments."
    """
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,58}", slug):
        raise UsageError(
            f"invalid slug {slug!r}: use lowercase letters, digits and underscores, starting with "
            "a letter, at most 59 characters (e.g. add_lesson_due_dates)"
        )
    if "\n" in purpose or "\r" in purpose:
        raise UsageError("--purpose must be one line: it becomes the first comment line of the file")
    project = find_project()
    existing = migrations.read_files(project)
    number = int(existing[-1].id[:4]) + 1 if existing else 1
    if number > 9999:
        raise IlpError("migration numbers are exhausted at 9999")
    path = project.migrations_dir / f"{number:04d}_{slug}.sql"
    depends = f"-- depends: {existing[-1].id}\n" if existing else ""
    text = MIGRATION_TEMPLATE.format(
        purpose=purpose or "TODO: state what this migration is for in one line.", depends=depends
    )
    path.write_text(text)
    click.echo(project.relative(path))


@main.command()
@click.option("--demo", is_flag=True, required=True, help="Load the demo data set (required: the only data set).")
@click.option("--scale", default=1, show_default=True, type=click.IntRange(1, 1000), help="Multiplier of the demo's size.")
@click.option("--seed", "random_seed", default=42, show_default=True, help="Random seed; the same seed gives the same data.")
def seed(demo: bool, scale: int, random_seed: int) -> None:
    """Load realistic demo data: two schools, classes, lessons, questions, progress, attempts.

    Run it after `ilp-db migrate` on a development database. The target's user must be a
    superuser (as the local cluster's postgres is) or a member of ilp_owner. A second load into
    the same database is rejected.

    \b
    Example:
        ilp-db migrate && ilp-db seed --demo
    """
    from runner import seed as demo_seed
    from runner import seed_learning
    from runner.connection import connect

    project = find_project()
    url = target_url(project)
    with connect(url, "seed", autocommit=False) as connection:
        counts = demo_seed.load_demo(connection, scale=scale, seed=random_seed)
        counts.update(seed_learning.load_learning_demo(connection, seed=random_seed))
        connection.commit()
    for table, count in sorted(counts.items()):
        click.echo(f"{table:<40} {count:>8}")
    click.echo(f"Loaded {sum(counts.values())} demo rows into {describe(url)}")


@main.command()
def maintain() -> None:
    """Run the database's maintenance tasks once (for example, create partitions ahead).

    Safe to run repeatedly and from several schedulers at once: each task takes its own lock and
    does nothing when there is nothing to do. Prints one line per action, or (none).

    \b
    Example:
        ilp-db maintain     # from cron, every hour
    """
    from runner.connection import connect

    project = find_project()
    with connect(target_url(project), "maintain") as connection:
        rows = connection.execute("select task, detail from ops.run_maintenance()").fetchall()
    if not rows:
        click.echo("(none)")
    for task, detail in rows:
        click.echo(f"{task}: {detail}")


@main.group()
def db() -> None:
    """Manage the local PostgreSQL cluster used when DATABASE_URL is unset.

    The data directory is .pgdata in the project, or ILP_PGDATA. The server listens on a unix
    socket in that directory, and also on 127.0.0.1 when ILP_PGPORT was set at `db start`.
    """


@db.command("start")
def db_start() -> None:
    """Initialise the local cluster once, start it and create the ilp database.

    \b
    Example:
        ilp-db db start && psql "$(ilp-db db url)"
    """
    project = find_project()
    cluster = local_cluster.locate(project)
    if cluster.moved_reason:
        log.warning("Note: %s", cluster.moved_reason)
    started = local_cluster.start(cluster)
    local_cluster.wait_until_ready(cluster)
    _ensure_database(cluster)
    state = "Started" if started else "Already running:"
    log.info("%s local cluster in %s; connect with: psql \"%s\"", state, cluster.data_dir, cluster.url())


def _ensure_database(cluster: local_cluster.LocalCluster) -> None:
    from runner.connection import connect

    with connect(cluster.url("postgres"), "db start") as connection:
        exists = connection.execute(
            "select exists (select from pg_database where datname = %s)", (local_cluster.DEFAULT_DATABASE,)
        ).fetchone()[0]
        if not exists:
            connection.execute(f"create database {local_cluster.DEFAULT_DATABASE}")
            log.info("Created database %s", local_cluster.DEFAULT_DATABASE)


@db.command("stop")
def db_stop() -> None:
    """Stop the local cluster (fast shutdown: open sessions are ended).

    \b
    Example:
        ilp-db db stop
    """
    cluster = local_cluster.locate(find_project())
    if local_cluster.stop(cluster):
        log.info("Stopped the local cluster in %s", cluster.data_dir)
    else:
        log.info("The local cluster in %s is not running", cluster.data_dir)


@db.command("status")
def db_status() -> None:
    """Show whether the local cluster runs, where, and its URL; exits 1 when it is stopped.

    \b
    Example:
        ilp-db db status
    """
    cluster = local_cluster.locate(find_project())
    running = local_cluster.is_running(cluster)
    click.echo(f"data directory: {cluster.data_dir}")
    click.echo(f"initialised:    {'yes' if cluster.is_initialised() else 'no'}")
    click.echo(f"running:        {'yes' if running else 'no'}")
    click.echo(f"server:         {cluster.bin_dir}")
    click.echo(f"url:            {cluster.url()}")
    if not running:
        sys.exit(1)


@db.command("url")
@click.option("--database", default=local_cluster.DEFAULT_DATABASE, show_default=True, help="Database name.")
def db_url(database: str) -> None:
    """Print the libpq URL of the local cluster's database.

    \b
    Example:
        psql "$(ilp-db db url)"
    """
    click.echo(local_cluster.locate(find_project()).url(database))


def entry_point() -> None:
    """Run the command; used by the console script."""
    main(prog_name=os.path.basename(sys.argv[0]) or "ilp-db")
