# The two commands: `make run` and `make test`. Everything else is a step they use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed

.PHONY: run test install spa lint fast-test py-test frontend-check e2e browser system-libs openapi bench clean

## run: install, build the SPA, start the embedded PostgreSQL, migrate, load demo data, serve
run: system-libs install spa
	$(PY) -m api.cli db upgrade
	$(PY) -m api.cli demo
	scripts/serve-with-worker.sh $(PY)

## test: every gate and every test, browser tests included
test: browser system-libs lint py-test frontend-check e2e

install: $(PY_STAMP)

$(PY_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

$(NODE_STAMP): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

spa: $(NODE_STAMP)
	cd frontend && npm run build

## lint: the fast gates (also run by pre-commit)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(PY) scripts/check_module_size.py
	$(PY) -m api.cli openapi --check

# Two workers, each on a database of its own (named by its pid) in one PostgreSQL server; worksteal
# keeps both busy while one of them runs the long Schemathesis tier. Test ids must be the same in
# every worker (no random values in parametrize ids).
py-test: install system-libs
	$(BIN)/pytest -q -m "not e2e" -n 2 --dist worksteal

frontend-check: $(NODE_STAMP)
	cd frontend && npm run check:api && npm run lint && npm run typecheck && npm run test

e2e: install spa browser
	cd frontend && npm run e2e

# The browser tests' Chromium: installed when missing (as root), else one line saying what to install.
browser:
	scripts/ensure-chromium.sh

# PDF rendering's Pango, HarfBuzz and DejaVu fonts (docs/adr/0014): installed when missing (as root),
# else one line saying what to install.
system-libs:
	scripts/ensure-system-libs.sh

## openapi: regenerate openapi/openapi.json, openapi/schema.graphql and the SPA's typed client
openapi: install
	$(PY) -m api.cli openapi
	@if [ -d frontend/node_modules ]; then cd frontend && npm run gen:api; fi

bench: install
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist
