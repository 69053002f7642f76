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
.PHONY: help install frontend browser-deps pdf-deps demo demo-data serve serve-prod worker test test-postgres lint format migrations-check bench loadtest clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed frontend pdf-deps ## Create .venv, install the locked dependencies and the front end

# GOV.UK Frontend (precompiled) and axe-core come from npm, pinned by package-lock.json; the built
# files are copied into academy_site/static/vendor/ (not committed). It is the site's only styling
# path, so without npm, or when the build fails, this fails: install Node.js 20+ (with npm).
FRONTEND := academy_site/static/vendor/govuk-frontend/govuk-frontend.min.css

frontend: ## Build the front end (GOV.UK Frontend, axe-core) into academy_site/static/vendor/
	@if [ -f $(FRONTEND) ] && [ -f node_modules/.package-lock.json ] && \
	   [ -z "$$(find package.json package-lock.json scripts/build-frontend.mjs -newer $(FRONTEND))" ]; then \
	  exit 0; \
	fi; \
	if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm is not installed: GOV.UK Frontend, the site's stylesheet and scripts, cannot be built. Install Node.js 20+ (with npm) and run 'make frontend' again." >&2; \
	  exit 1; \
	fi; \
	npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

# Certificates are PDFs made by WeasyPrint: names in any script need the Noto fonts (Latin,
# Greek, Cyrillic, Arabic, Devanagari... and CJK), fast font subsetting needs libharfbuzz-subset0,
# and poppler-utils gives pdffonts/pdftotext to check them. Debian packages, installed as root
# with apt (CI, this machine); elsewhere it says what is missing and what that means.
PDF_PACKAGES := fonts-noto-core fonts-noto-cjk libharfbuzz-subset0 poppler-utils

pdf-deps: ## Install the fonts and libraries certificate PDFs need (root with apt only)
	@missing=""; for p in $(PDF_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing for certificate PDFs:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "Cannot install$$missing (needs root and apt): certificates will lack glyphs for names in scripts the installed fonts do not cover, and font subsetting will be slower. Install them with your system's package manager."; \
	fi

# The browser tests (tests/browser, marked `browser`) drive Debian's chromium through Playwright.
# They skip, saying why, when chromium or axe-core is missing (and fail instead under CI=true);
# as root with apt (CI) we install it.
browser-deps: ## Install chromium for the browser tests when it is missing (root with apt only)
	@if command -v chromium >/dev/null 2>&1; then exit 0; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update && apt-get install -y chromium; \
	else \
	  echo "chromium is not installed (and this is not root with apt): the browser tests will be skipped."; \
	fi

# `make demo` also starts the local OpenID Connect provider behind "Sign in with Kent Police"
# (scripts/oidc-provider.mjs on http://127.0.0.1:8090), and stops it when the server stops.
OIDC_DEMO := node scripts/oidc-provider.mjs scripts/oidc-demo.json

demo: install ## Install, migrate SQLite, load the demo data and serve on http://127.0.0.1:8000
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) load_demo_data
	@if [ -d node_modules/oidc-provider ] && command -v node >/dev/null 2>&1; then \
	  trap 'kill $$provider 2>/dev/null' EXIT; \
	  $(OIDC_DEMO) 2>/dev/null & provider=$$!; \
	  DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) runserver 127.0.0.1:8000; \
	else \
	  echo "Node.js or node_modules/oidc-provider is missing, so \"Sign in with Kent Police\" will say the provider is not answering; password sign-in works. Run 'make frontend' with Node.js 20+ for it."; \
	  DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) runserver 127.0.0.1:8000; \
	fi

demo-data: install ## Migrate and (re)load the demo data without serving
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) load_demo_data

serve: install ## Serve the development site on http://127.0.0.1:8000
	DJANGO_SETTINGS_MODULE=academy_site.settings.dev $(MANAGE) runserver 127.0.0.1:8000

migrations-check: install ## Fail if the models and migrations disagree
	DJANGO_SETTINGS_MODULE=academy_site.settings.test $(MANAGE) makemigrations --check --dry-run

test: install migrations-check browser-deps ## Install and run the whole suite (SQLite unless DATABASE_URL says otherwise)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install ## Run the whole suite against PostgreSQL on 127.0.0.1:5432
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/academy} $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install ## ruff: lint and check formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## ruff: fix what it can and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The pages at national scale and the certificates, then one table of issue 22's aims (met or
# missed). bench_writes.py and bench_practice_search.py run on their own.
bench: install ## Benchmark pages and certificates against baselines measured in the same run; ends with one table
	@$(PY) benchmarks/summary.py --clear
	@status=0; for b in benchmarks/bench_pages.py benchmarks/bench_certificates.py; do \
	  echo "== $$b"; $(PY) $$b || status=1; done; \
	$(PY) benchmarks/summary.py; exit $$status

# Local production-like stack. The SECRET_KEY below is a throwaway for 127.0.0.1 only: a real
# deployment sets its own in the environment (see .env.example and deploy/).
PROD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/academy_prod
PROD_ENV := DJANGO_SETTINGS_MODULE=academy_site.settings.production \
	DATABASE_URL=$(PROD_DATABASE_URL) \
	SECRET_KEY=$${SECRET_KEY:-local-serve-prod-throwaway-key-never-deploy-this-0123456789} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	SECURE_SSL_REDIRECT=false

serve-prod: install ## gunicorn (2 workers) + a task worker on http://127.0.0.1:8100, PostgreSQL, DEBUG off
	@createdb -h 127.0.0.1 -U postgres $(notdir $(PROD_DATABASE_URL)) 2>/dev/null || true
	$(PROD_ENV) $(MANAGE) migrate --noinput
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v0
	@echo "Serving http://127.0.0.1:8100 (Ctrl+C stops gunicorn and the worker)"
	@trap 'kill $$worker 2>/dev/null' EXIT; \
	$(PROD_ENV) $(MANAGE) db_worker --queue-name '*' & worker=$$!; \
	$(PROD_ENV) GUNICORN_WORKERS=2 GUNICORN_BIND=127.0.0.1:8100 $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py

worker: install ## Run one background task worker against PROD_DATABASE_URL (run several side by side)
	$(PROD_ENV) $(MANAGE) db_worker --queue-name '*'

loadtest: install ## Locust, 100 users for 10 minutes, against gunicorn + PostgreSQL on 127.0.0.1; then checks the data
	$(PY) loadtest/run.py --users $${USERS:-100} --spawn-rate 10 --run-time $${RUN_TIME:-10m} $${LOADTEST_ARGS:-}

clean: ## Remove the virtual environment, tools and the SQLite database
	rm -rf $(VENV) $(TOOLS) db.sqlite3 media static_collected
