# The two commands a newcomer needs: `make demo` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help install demo demo-data serve test test-postgres lint format migrations-check bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

demo: install ## Install, migrate SQLite, load the demo data and serve on http://127.0.0.1:8000
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) load_demo_data
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) runserver 127.0.0.1:8000

demo-data: install ## Migrate and (re)load the demo data without serving
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) load_demo_data

serve: install ## Serve the development site on http://127.0.0.1:8000
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) runserver 127.0.0.1:8000

migrations-check: install ## Fail if the models and migrations disagree
	DJANGO_SETTINGS_MODULE=academy_site.settings.test $(MANAGE) makemigrations --check --dry-run

test: install migrations-check ## Install and run the whole suite (SQLite unless DATABASE_URL says otherwise)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install ## Run the whole suite against PostgreSQL on 127.0.0.1:5432
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/academy} $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install ## ruff: lint and check formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## ruff: fix what it can and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install ## Run the benchmarks in benchmarks/ (ratios against a baseline measured in the same run)
	@ls benchmarks/bench_*.py >/dev/null 2>&1 || { echo "No benchmarks yet."; exit 0; }
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean: ## Remove the virtual environment, tools and the SQLite database
	rm -rf $(VENV) $(TOOLS) db.sqlite3 media static_collected
