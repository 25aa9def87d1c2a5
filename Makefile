# ilp-db: `make migrate` brings a database to the head of the schema, `make test` runs every check.
# With DATABASE_URL unset, both use the local cluster in .pgdata (see `ilp-db db --help`).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ILP := $(BIN)/ilp-db
STAMP := $(VENV)/.installed

.PHONY: help system-deps venv db-start migrate status test test-sql-style test-pgtap test-python clean-venv

help:
	@echo "make migrate   start the local cluster (when DATABASE_URL is unset) and apply migrations"
	@echo "make test      sqlfluff, the migration guard, pgTAP and pytest, on fresh databases"
	@echo "make status    show applied and pending migrations"

system-deps:
	@scripts/ensure-system-deps.sh

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

db-start: system-deps venv
	@if [ -z "$${DATABASE_URL:-}" ]; then $(ILP) db start; fi

migrate: db-start
	$(ILP) migrate

status: venv
	$(ILP) status

test: system-deps venv
	@scripts/test.sh

clean-venv:
	rm -rf $(VENV)
