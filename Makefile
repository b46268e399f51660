# One entry point for people and CI. `make run` and `make test` are all a fresh clone needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
UV := $(VENV)/bin/uv
UV_VERSION := $(shell sed -n 's/.*"uv==\([^"]*\)".*/\1/p' pyproject.toml)
LOCK := $(UV) pip compile pyproject.toml --quiet --generate-hashes --universal \
	--python-version 3.11 --custom-compile-command "make lock"
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: screenshots run test test-sqlite test-postgres lint fmt bench install messages demo worker campaign-worker clean lock prod nginx

# Development and tests: the whole tree (production + dev tools), every file checked by its hash.
$(STAMP): pyproject.toml requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Re-lock after changing a pin in pyproject.toml: keeps every other pin, adds what is new.
# requirements/prod.txt: [project] dependencies; requirements/dev.txt: those plus the dev extra,
# at the same versions. `make lock UPGRADE=--upgrade-package=NAME` moves one package on.
$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet uv==$(UV_VERSION)

lock: $(UV)
	$(LOCK) $(UPGRADE) -o requirements/prod.txt
	$(LOCK) $(UPGRADE) --extra dev -c requirements/prod.txt -o requirements/dev.txt

install: $(STAMP) messages

messages: $(STAMP)
	$(PY) bin/compile_messages.py

# Production: its own virtualenv with the production lock only (no test tools).
PROD_VENV := .venv-prod
PROD_PY := $(PROD_VENV)/bin/python
PROD_STAMP := $(PROD_VENV)/.installed
$(PROD_STAMP): pyproject.toml requirements/prod.txt
	$(PYTHON) -m venv $(PROD_VENV)
	$(PROD_PY) -m pip install --quiet --upgrade pip
	$(PROD_PY) -m pip install --quiet --require-hashes -r requirements/prod.txt
	$(PROD_PY) -m pip install --quiet --no-deps -e .
	touch $(PROD_STAMP)

# Debian's nginx, for `make prod` and the microcache tests.
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "nginx is missing: installing Debian's nginx (apt-get install nginx)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else echo "nginx is missing: run 'sudo apt-get install nginx' (Debian's package)"; exit 1; fi; }

# The production stack in the foreground: DATABASE_URL (PostgreSQL) and REDIS_URL required;
# PROD_PORT (nginx, default 8080), PROD_APP_PORT (gunicorn, default 8081). Ctrl-C stops it all.
prod: $(PROD_STAMP) nginx
	$(PROD_PY) bin/compile_messages.py
	PROD_PORT=$(or $(PROD_PORT),8080) PROD_APP_PORT=$(or $(PROD_APP_PORT),8081) \
	  $(PROD_PY) deploy/local_stack.py

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

# Home, list, map, activity, programme and news pages at 1280 and 390 px, en/fr/es, for review.
screenshots: install
	$(PY) bin/screenshots.py

run: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py load_conference_demo
	DEBUG=1 $(PY) manage.py load_news_demo
	DEBUG=1 $(PY) manage.py load_redlists_demo
	PY=$(PY) bin/dev_server.sh

# The two task workers (both are needed; `make run` starts them beside the server).
worker: install
	DEBUG=1 $(PY) manage.py db_worker --queue-name default

campaign-worker: install
	DEBUG=1 $(PY) manage.py db_worker --queue-name campaigns

test: install node_modules/axe-core/axe.min.js
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	 else echo "DATABASE_URL not set: PostgreSQL run skipped"; fi

test-sqlite:
	@echo "== tests on SQLite =="
	env -u DATABASE_URL $(PY) -m pytest -q $(PYTEST_ARGS)

test-postgres:
	@echo "== tests on PostgreSQL ($$DATABASE_URL) =="
	$(PY) -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=0 SECRET_KEY=lint-only-$$RANDOM-not-secret-but-long-enough-for-checks-0123456789abcdef \
	  ALLOWED_HOSTS=museion.example SITE_URL=https://museion.example REDIS_URL=redis://127.0.0.1:6379/0 \
	  $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run --settings=museion.test_settings > /dev/null

fmt: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) bench/museumday.py
	$(PY) bench/conference.py
	$(PY) bench/newsletter.py
	$(PY) bench/redlists.py

clean:
	rm -rf $(VENV) $(PROD_VENV) var static_root node_modules
