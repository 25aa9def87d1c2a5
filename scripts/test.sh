#!/usr/bin/env bash
# Run every check of `make test`, each on fresh databases, print each tool's summary, and exit
# non-zero when any check failed. The stages run even after a failure, so one run shows all.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
failed=()

stage() {
    local name=$1
    shift
    echo
    echo "==> $name"
    if "$@"; then
        echo "==> $name: passed"
    else
        echo "==> $name: FAILED"
        failed+=("$name")
    fi
}

if [ -z "${DATABASE_URL:-}" ]; then
    "$BIN/ilp-db" db start || exit 1
fi

stage "sqlfluff" "$BIN/sqlfluff" lint --disable-progress-bar sql tests/pgtap
stage "migration guard" "$BIN/ilp-db" lint
stage "squawk" "$BIN/squawk" --config .squawk.toml sql/migrations/*.sql
stage "schema snapshot" "$BIN/ilp-db" dump-schema --check
stage "pgTAP" "$BIN/python" -m runner.pgtap
stage "pytest" "$BIN/pytest" -q

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "make test: failed stages: ${failed[*]}"
    exit 1
fi
echo "make test: all stages passed"
