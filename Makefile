# ilp-db: `make migrate` brings a database to the head of the schema, `make test` runs every check.
# With DATABASE_URL unset, both use the local cluster in .pgdata (see `ilp-db db --help`).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ILP := $(BIN)/ilp-db
STAMP := $(VENV)/.installed

.PHONY: help system-deps venv migrate status test bench clean-venv

help:
	@echo "make migrate   start the local cluster (when DATABASE_URL is unset) and apply migrations"
	@echo "make test      sqlfluff, the migration guard, pgTAP and pytest, on fresh databases"
	@echo "make status    show applied and pending migrations"
	@echo "make bench     run the ingest benchmark and write docs/benchmarks.md"

system-deps:
	@scripts/ensure-system-deps.sh

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# With DATABASE_URL set (a deploy host), only Python is needed: no local server, pgTAP or pg_prove.
migrate:
	@if [ -z "$${DATABASE_URL:-}" ]; then scripts/ensure-system-deps.sh; \
	else scripts/ensure-system-deps.sh --client; fi
	@$(MAKE) --no-print-directory venv
	@if [ -z "$${DATABASE_URL:-}" ]; then $(ILP) db start; fi
	$(ILP) migrate

status: venv
	$(ILP) status

test: system-deps venv
	@scripts/test.sh

# The ingest benchmark against the local cluster; writes docs/benchmarks.md.
bench: system-deps venv
	$(ILP) db start
	$(BIN)/python -m runner.bench

clean-venv:
	rm -rf $(VENV)
