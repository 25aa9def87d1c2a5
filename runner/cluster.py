"""The local PostgreSQL cluster that ilp-db starts when DATABASE_URL is unset.

The cluster lives in a git-ignored data directory inside the project (`.pgdata`, or ILP_PGDATA),
listens on a unix socket in that directory and, only when a port is configured, on 127.0.0.1.
Local socket connections use `trust` authentication: the socket directory is readable only by the
server's OS user (and root), so only they can connect.

When the command runs as root, the server runs as the `postgres` OS user, because PostgreSQL
refuses to run as root. If that user cannot reach the project folder (a clone under a private home
directory, for example), the data directory moves to a per-project folder under /var/tmp.
"""

import hashlib
import logging
import os
import pwd
import re
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from runner.errors import ClusterError
from runner.paths import Project

log = logging.getLogger(__name__)

MINIMUM_SERVER_MAJOR = 15
DEFAULT_PORT = 5432
DEFAULT_DATABASE = "ilp"
SUPERUSER = "postgres"
SERVER_OS_USER = "postgres"
# A unix socket path is limited to 107 bytes on Linux (sun_path is 108 bytes with the final NUL).
MAX_SOCKET_PATH_BYTES = 107
FALLBACK_ROOT = Path("/var/tmp/ilp-db")

# Settings of a development cluster: small, local, and logging what a developer needs to debug.
SERVER_SETTINGS = {
    "listen_addresses": "''",
    "unix_socket_permissions": "0700",
    "max_connections": "100",
    "shared_buffers": "'256MB'",
    "log_min_duration_statement": "'1s'",
    "log_line_prefix": "'%m [%p] %q%u@%d '",
    "log_lock_waits": "on",
    "timezone": "'UTC'",
}


@dataclass(frozen=True)
class LocalCluster:
    """Locations of the local cluster: data directory, socket, port and server binaries."""

    data_dir: Path
    socket_dir: Path
    port: int
    bin_dir: Path
    listen_port: int | None
    moved_reason: str | None

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def url(self, database: str = DEFAULT_DATABASE) -> str:
        """Return the libpq URL of a database on this cluster."""
        host = quote(str(self.socket_dir), safe="")
        return f"postgresql://{SUPERUSER}@/{database}?host={host}&port={self.port}"

    def is_initialised(self) -> bool:
        return (self.data_dir / "PG_VERSION").is_file()


def running_as_root() -> bool:
    return os.geteuid() == 0


def find_bin_dir() -> Path:
    """Return the bin folder of the newest PostgreSQL >= 15 on this machine.

    ILP_PG_BINDIR overrides the search. Otherwise pg_config and then /usr/lib/postgresql/<n>/bin
    (Debian and Ubuntu) are tried, newest major version first.
    """
    configured = os.environ.get("ILP_PG_BINDIR")
    candidates: list[Path] = []
    if configured:
        candidates.append(Path(configured))
    else:
        debian_root = Path("/usr/lib/postgresql")
        if debian_root.is_dir():
            versions = sorted(
                (p for p in debian_root.iterdir() if p.name.isdigit()),
                key=lambda p: int(p.name),
                reverse=True,
            )
            candidates.extend(p / "bin" for p in versions)
        pg_config = shutil.which("pg_config")
        if pg_config:
            result = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=False
            )
            if result.returncode == 0 and result.stdout.strip():
                candidates.append(Path(result.stdout.strip()))
    best: tuple[int, Path] | None = None
    for candidate in candidates:
        major = server_major_version(candidate)
        if major is not None and (best is None or major > best[0]):
            best = (major, candidate)
    if best is None:
        raise ClusterError(
            "no PostgreSQL server binaries found (looked for initdb and postgres in "
            f"{', '.join(str(c) for c in candidates) or 'pg_config --bindir'}); "
            "install them with: apt-get install postgresql, or set ILP_PG_BINDIR"
        )
    if best[0] < MINIMUM_SERVER_MAJOR:
        raise ClusterError(
            f"PostgreSQL {best[0]} found in {best[1]}, but ilp-db needs {MINIMUM_SERVER_MAJOR} "
            f"or newer; install it with: apt-get install postgresql-{MINIMUM_SERVER_MAJOR}"
        )
    return best[1]


def server_major_version(bin_dir: Path) -> int | None:
    """Return the major version of the postgres binary in bin_dir, or None if it is missing."""
    postgres = bin_dir / "postgres"
    if not (postgres.is_file() and (bin_dir / "initdb").is_file()):
        return None
    result = subprocess.run(
        [str(postgres), "--version"], capture_output=True, text=True, check=False
    )
    match = re.search(r"\b(\d+)(?:\.\d+)?", result.stdout)
    return int(match.group(1)) if match else None


def server_user_can_reach(path: Path) -> bool:
    """Return whether the server's OS user can enter every folder down to path."""
    if not running_as_root():
        return True
    result = subprocess.run(
        ["runuser", "-u", SERVER_OS_USER, "--", "test", "-x", str(path)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def locate(project: Project) -> LocalCluster:
    """Return the local cluster's locations, without creating or starting anything."""
    bin_dir = find_bin_dir()
    configured = os.environ.get("ILP_PGDATA")
    data_dir = Path(configured).resolve() if configured else project.root / ".pgdata"
    moved_reason = None
    if running_as_root():
        require_server_user()
        parent = data_dir.parent
        if not configured and not server_user_can_reach(parent):
            digest = hashlib.sha256(str(project.root).encode()).hexdigest()[:12]
            data_dir = FALLBACK_ROOT / f"{project.root.name}-{digest}" / "pgdata"
            moved_reason = (
                f"the {SERVER_OS_USER} OS user cannot enter {parent}, so the cluster lives in "
                f"{data_dir}"
            )
    listen_port = _configured_port()
    if listen_port is None:
        listen_port = _recorded_port(data_dir)
    port = listen_port or DEFAULT_PORT
    socket_dir = data_dir
    if len(str(socket_dir / f".s.PGSQL.{port}").encode()) > MAX_SOCKET_PATH_BYTES:
        digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
        socket_dir = Path("/tmp") / f"ilp-db-{digest}"
    return LocalCluster(
        data_dir=data_dir,
        socket_dir=socket_dir,
        port=port,
        bin_dir=bin_dir,
        listen_port=listen_port,
        moved_reason=moved_reason,
    )


def _configured_port() -> int | None:
    value = os.environ.get("ILP_PGPORT")
    if not value:
        return None
    if not value.isdigit() or not 1024 <= int(value) <= 65535:
        raise ClusterError(f"ILP_PGPORT={value} is not a port number between 1024 and 65535")
    return int(value)


def _recorded_port(data_dir: Path) -> int | None:
    """Return the loopback port written by the last `db start`, so later commands reuse it."""
    conf = data_dir / "ilp-db.conf"
    try:
        text = conf.read_text()
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return None
    listen = re.search(r"^listen_addresses = '([^']*)'", text, re.MULTILINE)
    port = re.search(r"^port = (\d+)", text, re.MULTILINE)
    if listen and listen.group(1) and port:
        return int(port.group(1))
    return None


def _running_port(data_dir: Path) -> int | None:
    """Return the port of the running server, from line 4 of postmaster.pid."""
    try:
        lines = (data_dir / "postmaster.pid").read_text().splitlines()
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return None
    return int(lines[3]) if len(lines) > 3 and lines[3].strip().isdigit() else None


def require_server_user() -> None:
    try:
        pwd.getpwnam(SERVER_OS_USER)
    except KeyError:
        raise ClusterError(
            f"running as root, but there is no '{SERVER_OS_USER}' OS user to run the server; "
            "install the server package (apt-get install postgresql) or run as a normal user"
        ) from None


def _as_server_user(command: list[str]) -> list[str]:
    if running_as_root():
        return ["runuser", "-u", SERVER_OS_USER, "--", *command]
    return command


def _run(command: list[str], what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(_as_server_user(command), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        last = detail[-1] if detail else f"exit code {result.returncode}"
        raise ClusterError(f"{what} failed: {last}")
    return result


def _server_uid() -> int:
    return pwd.getpwnam(SERVER_OS_USER).pw_uid if running_as_root() else os.geteuid()


def _check_existing_directory(path: Path, allowed_owners: set[int]) -> None:
    """Reject a path that is a symbolic link, not a directory, or owned by someone unexpected.

    Any local user can create a folder under /tmp or /var/tmp first. Following a link planted
    there would make root hand a folder of the attacker's choice to the server user.
    """
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        raise ClusterError(f"{path} is a symbolic link; remove it, then run the command again")
    if not stat.S_ISDIR(info.st_mode):
        raise ClusterError(f"{path} exists and is not a folder; move it away or set ILP_PGDATA")
    if info.st_uid not in allowed_owners:
        owner = _user_name(info.st_uid)
        raise ClusterError(
            f"{path} belongs to {owner}, not to the server's user; remove it, then run the "
            "command again"
        )


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _prepare_directory(path: Path) -> None:
    """Create path (mode 0700) for the server's OS user, or check the existing folder is its own."""
    server_uid = _server_uid()
    if path.exists() or path.is_symlink():
        _check_existing_directory(path, {server_uid})
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkdir(path, 0o700)
    if running_as_root():
        entry = pwd.getpwnam(SERVER_OS_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    path.chmod(0o700)


def initialise(cluster: LocalCluster) -> bool:
    """Run initdb once; return True when a new cluster was created."""
    if cluster.data_dir.exists() and not cluster.data_dir.is_dir():
        raise ClusterError(f"{cluster.data_dir} is not a folder; set ILP_PGDATA to a folder")
    if cluster.is_initialised():
        return False
    if cluster.data_dir.exists() and any(cluster.data_dir.iterdir()):
        raise ClusterError(
            f"{cluster.data_dir} exists and is not empty but contains no cluster; "
            "move it away or set ILP_PGDATA to another folder"
        )
    if running_as_root() and FALLBACK_ROOT in cluster.data_dir.parents:
        # The fallback root is shared by every project on the machine and belongs to root; only
        # the folders below it belong to the server user.
        if FALLBACK_ROOT.exists() or FALLBACK_ROOT.is_symlink():
            _check_existing_directory(FALLBACK_ROOT, {0})
        else:
            os.makedirs(FALLBACK_ROOT, 0o755)
        for parent in reversed(cluster.data_dir.parents):
            if FALLBACK_ROOT in parent.parents:
                _prepare_directory(parent)
    _prepare_directory(cluster.data_dir)
    log.info("Initialising a PostgreSQL cluster in %s", cluster.data_dir)
    _run(
        [
            str(cluster.bin_dir / "initdb"),
            "--pgdata",
            str(cluster.data_dir),
            "--username",
            SUPERUSER,
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--auth-local",
            "trust",
            "--auth-host",
            "scram-sha-256",
        ],
        "initdb",
    )
    return True


def write_settings(cluster: LocalCluster) -> None:
    """Write the server settings to postgresql.auto.conf's sibling include file."""
    settings = dict(SERVER_SETTINGS)
    settings["port"] = str(cluster.port)
    settings["unix_socket_directories"] = f"'{cluster.socket_dir}'"
    if cluster.listen_port:
        settings["listen_addresses"] = "'127.0.0.1'"
    lines = ["# Written by ilp-db db start on every start; edits here are overwritten."]
    lines += [f"{name} = {value}" for name, value in sorted(settings.items())]
    conf = cluster.data_dir / "ilp-db.conf"
    main_conf = cluster.data_dir / "postgresql.conf"
    text = "\n".join(lines) + "\n"
    _write_as_server_user(conf, text)
    include = "include_if_exists = 'ilp-db.conf'"
    if include not in main_conf.read_text():
        _write_as_server_user(main_conf, main_conf.read_text() + f"\n{include}\n")


def _write_as_server_user(path: Path, text: str) -> None:
    path.write_text(text)
    if running_as_root():
        entry = pwd.getpwnam(SERVER_OS_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def is_running(cluster: LocalCluster) -> bool:
    if not cluster.is_initialised():
        return False
    result = subprocess.run(
        _as_server_user([str(cluster.bin_dir / "pg_ctl"), "status", "-D", str(cluster.data_dir)]),
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def start(cluster: LocalCluster) -> bool:
    """Initialise (once) and start the cluster; return True when it was started by this call."""
    initialise(cluster)
    if is_running(cluster):
        running_port = _running_port(cluster.data_dir)
        if running_port is not None and running_port != cluster.port:
            raise ClusterError(
                f"the local cluster already runs on port {running_port}, not {cluster.port}; "
                "stop it first (ilp-db db stop) to change ILP_PGPORT"
            )
        return False
    if cluster.socket_dir != cluster.data_dir:
        _prepare_directory(cluster.socket_dir)
    write_settings(cluster)
    log.info("Starting PostgreSQL from %s (log: %s)", cluster.data_dir, cluster.log_file)
    try:
        _run(
            [
                str(cluster.bin_dir / "pg_ctl"),
                "start",
                "--wait",
                "--timeout",
                "60",
                "-D",
                str(cluster.data_dir),
                "-l",
                str(cluster.log_file),
            ],
            "pg_ctl start",
        )
    except ClusterError as error:
        raise ClusterError(f"{error.message}; see {cluster.log_file}") from None
    return True


def stop(cluster: LocalCluster) -> bool:
    """Stop the cluster (fast shutdown); return True when it was running."""
    if not is_running(cluster):
        return False
    _run(
        [str(cluster.bin_dir / "pg_ctl"), "stop", "--wait", "-m", "fast", "-D", str(cluster.data_dir)],
        "pg_ctl stop",
    )
    return True


def wait_until_ready(cluster: LocalCluster, seconds: float = 30.0) -> None:
    """Wait until the server accepts connections on its socket."""
    deadline = time.monotonic() + seconds
    command = [
        str(cluster.bin_dir / "pg_isready"),
        "-q",
        "-h",
        str(cluster.socket_dir),
        "-p",
        str(cluster.port),
    ]
    while time.monotonic() < deadline:
        if subprocess.run(command, check=False).returncode == 0:
            return
        time.sleep(0.2)
    raise ClusterError(
        f"the server in {cluster.data_dir} did not accept connections within {seconds:.0f} s; "
        f"see {cluster.log_file}"
    )
