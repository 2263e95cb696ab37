# Ithaca: `make run` serves the demo site, `make test` runs the suite.
# Everything installs itself into .venv/ and node_modules/ on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed
STATIC_STAMP := static/vendor/.built
# Translation catalogues (.po, committed) compile to .mo (not committed) at install.
PO_FILES := $(shell find locale ithaca -path '*/LC_MESSAGES/*.po' 2>/dev/null)
MO_STAMP := var/.translations-compiled
export DEBUG ?= false

.DEFAULT_GOAL := help
.PHONY: help install translations check-translations screenshots-de static run serve worker migrate seed test test-postgres test-browser test-api-fuzz test-scim screenshots load lint format typecheck bench ci lock clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check $$(grep "^uv==" requirements/dev.txt)
	$(UV) pip install --quiet --python $(PY) --compile-bytecode -r requirements/dev.txt
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	$(PY) -m ithaca.intake.triage.warm
	$(PY) -m ithaca.matching.engine.fused
	touch $(STAMP)

# Bytecode is written at install, not at import: with PYTHONDONTWRITEBYTECODE set (as in
# many containers) every process would otherwise compile ~1,100 modules, about 2 s each
# time a command or a worker starts.
install: $(STAMP) $(MO_STAMP) ## Create .venv, install Ithaca and its development tools, compile translations
	@$(PY) -m compileall -q config ithaca > /dev/null

# Every catalogue (locale/ and ithaca/<app>/locale/) again whenever a .po changed.
# compilemessages needs GNU gettext's msgfmt (Debian: apt-get install gettext).
$(MO_STAMP): $(STAMP) $(PO_FILES)
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install GNU gettext (apt-get install gettext)"; exit 1; }
	DEBUG=true $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=static -v0
	mkdir -p var && touch $(MO_STAMP)

translations: $(MO_STAMP) ## Compile the translation catalogues (.po to .mo)

check-translations: install ## Fail on a string missing from a catalogue, or an untranslated or fuzzy entry
	DEBUG=true $(PY) scripts/check_translations.py

$(STATIC_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor/htmx static/vendor/pico
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	cp node_modules/@picocss/pico/css/pico.min.css static/vendor/pico/
	touch $(STATIC_STAMP)

static: $(STATIC_STAMP) ## Copy front-end packages from npm into static/vendor

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	chmod 600 var/secret_key

migrate: install var/secret_key ## Apply database migrations
	SECRET_KEY=$$(cat var/secret_key) $(PY) manage.py migrate --noinput -v0

run: install static var/secret_key ## Install, migrate, load the demo, serve on :8000 with a worker
	SECRET_KEY=$$(cat var/secret_key) bin/run

worker: install var/secret_key ## Run a background task worker
	SECRET_KEY=$$(cat var/secret_key) $(PY) manage.py db_worker

test: install static ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	$(PY) -m pytest -q -m "not browser and not schemathesis and not scim_compliance"

test-postgres: install static ## Run the suite against the local PostgreSQL
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(PY) -m pytest -q -m "not browser and not schemathesis and not scim_compliance"

test-browser: install static ## Browser journeys with axe checks (needs Debian's chromium)
	$(PY) -m pytest -q -m browser tests/browser

screenshots: install static ## Crawl every page as each demo person at 1280 and 390 px; PNGs in test-results/screenshots/
	$(PY) -m pytest -q -m browser tests/browser/test_crawl.py

screenshots-de: install static ## The same crawl in German (CRAWL_LANGUAGE=de): nothing may overflow at 390 px
	CRAWL_LANGUAGE=de $(PY) -m pytest -q -m browser tests/browser/test_crawl.py

test-api-fuzz: install ## Schemathesis: every API operation, as each role, against the schema
	$(PY) -m pytest -q -m schemathesis tests/api

test-scim: install ## scim2-tester, the SCIM compliance checker, against a live /scim/v2/
	$(PY) -m pytest -q -m scim_compliance ithaca/scim/tests

load: install ## Load test on PostgreSQL, 100,000 people (LOAD_SECONDS=60 for a quick run)
	DEBUG=true $(PY) benchmarks/load.py --seconds $${LOAD_SECONDS:-600}

lint: install ## ruff, formatting, mypy, Django's checks and the translation catalogues
	mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(VENV)/bin/mypy config ithaca $(wildcard benchmarks/*.py)
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	DEBUG=true $(PY) manage.py check
	DEBUG=true $(PY) scripts/check_translations.py

format: install ## Fix lint and formatting where ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install ## Run the benchmarks and print their figures (the load test is `make load`)
	@# Every script runs even when an earlier one misses a target; make fails at the end.
	@failed=""; \
	for script in $(filter-out benchmarks/load.py benchmarks/pages.py benchmarks/notifications.py,$(wildcard benchmarks/*.py)); do \
		echo "== $$script"; DEBUG=true $(PY) $$script || failed="$$failed $$script"; done; \
	echo "== benchmarks/notifications.py (100,000 digests, about 5 min; BENCH_NOTIFICATIONS_ARGS=\"--people 10000\" for a quick run)"; \
	DEBUG=true $(PY) benchmarks/notifications.py $${BENCH_NOTIFICATIONS_ARGS:-} || failed="$$failed benchmarks/notifications.py"; \
	echo "== benchmarks/pages.py (BENCH_PAGES_ARGS=--small for 300 people on SQLite, as CI runs it)"; \
	DEBUG=true $(PY) benchmarks/pages.py $${BENCH_PAGES_ARGS:-} || failed="$$failed benchmarks/pages.py"; \
	if [ -n "$$failed" ]; then echo "Missed a target:$$failed"; exit 1; fi

ci: ## What CI runs: tests on SQLite and PostgreSQL, lint, deploy checks
	bash .ci/run

lock: install ## Re-pin requirements/*.txt from pyproject.toml
	$(UV) pip compile --quiet pyproject.toml -o requirements/base.txt --python-version 3.11
	$(UV) pip compile --quiet pyproject.toml --extra dev -o requirements/dev.txt --python-version 3.11

clean: ## Remove the virtualenv, node_modules and built files (keeps var/ data)
	rm -rf $(VENV) node_modules static/vendor var/staticfiles
