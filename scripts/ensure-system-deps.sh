#!/usr/bin/env bash
# Check the system packages ilp-db needs: a PostgreSQL server >= 15 with pgTAP and plpgsql_check
# for the same major version, pg_prove, and Python's venv module. As root on a system with apt,
# install what is missing; otherwise print the exact install command and exit 1.
# With --client (a deploy host migrating a remote DATABASE_URL), only Python's venv is needed.
set -euo pipefail

minimum_major=15
missing=()
client_only=false
if [ "${1:-}" = "--client" ]; then
    client_only=true
fi

newest_server_major() {
    local dir major best=""
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] || continue
        major=$(basename "$(dirname "$dir")")
        [[ "$major" =~ ^[0-9]+$ ]] || continue
        if [ -z "$best" ] || [ "$major" -gt "$best" ]; then best=$major; fi
    done
    echo "$best"
}

major=${ILP_PG_MAJOR:-$(newest_server_major)}
if $client_only; then
    major=skip
elif [ -z "$major" ]; then
    missing+=(postgresql postgresql-contrib)
elif [ "$major" -lt "$minimum_major" ]; then
    echo "PostgreSQL $major is installed, but ilp-db needs $minimum_major or newer." >&2
    missing+=("postgresql-$minimum_major")
    major=$minimum_major
fi

if [ -n "$major" ] && [ "$major" != skip ]; then
    [ -f "/usr/share/postgresql/$major/extension/pgtap.control" ] || missing+=("postgresql-$major-pgtap")
    [ -f "/usr/share/postgresql/$major/extension/plpgsql_check.control" ] \
        || missing+=("postgresql-$major-plpgsql-check")
fi
if ! $client_only; then
    command -v pg_prove >/dev/null 2>&1 || missing+=(libtap-parser-sourcehandler-pgtap-perl)
fi
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if $client_only; then
        exit 0
    fi
    if [ -z "$(newest_server_major)" ]; then
        echo "Installed ${missing[*]}, but still no PostgreSQL server under /usr/lib/postgresql." >&2
        exit 1
    fi
    # The server package decides the major version; fetch its extensions if they were unknown.
    if [ -z "${major:-}" ] || [ ! -f "/usr/share/postgresql/$(newest_server_major)/extension/pgtap.control" ]; then
        exec "$0"
    fi
    exit 0
fi

echo "Missing system packages: ${missing[*]}" >&2
echo "Install them with: sudo apt-get install ${missing[*]}" >&2
exit 1
