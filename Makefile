# Cổng: the two quick-start commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT
GUNICORN_BIND ?= 127.0.0.1:$(PORT)
export GUNICORN_BIND

# The embedded PostgreSQL cluster (var/pg) unless DATABASE_URL points elsewhere.
ifeq ($(strip $(DATABASE_URL)),)
DB_START := deploy/localpg.sh start
else
DB_START := @echo "Using DATABASE_URL"
endif

.PHONY: run test install db migrate demo serve check lint bench stop-db clean axe browser-deps translations messages screenshots

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

db:
	$(DB_START)

migrate: install db translations
	$(PY) manage.py migrate_platform

# Compile the gettext catalogues (locale/, platform/cong/locale_upstream/) into .mo files.
translations: install
	$(PY) manage.py compile_translations

# After changing UI strings: extract them into locale/{vi,en} (keeps existing translations),
# then translate the new English entries and run `make translations`.
messages: install
	$(PY) manage.py makemessages -l vi -l en --add-location=file --no-obsolete \
	  --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='benchmarks/*' \
	  --ignore='*/migrations/*' --ignore='platform/cong/locale_upstream/*'

demo: migrate
	$(PY) manage.py load_demo

## make run: set everything up and serve the demo province on http://localhost:$(PORT)
run: demo
	@# After a pull whose search documents hold more (search.indexing.INDEX_FORMAT).
	$(PY) manage.py search_index rebuild --stale
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Phục vụ tại http://laichau.localhost:$(PORT)/ (Ctrl+C để dừng)"
	@# The background worker (e-mails, search index, scheduled publishing) runs beside
	@# gunicorn and stops with it.
	DJANGO_SETTINGS_MODULE=cong.settings.dev $(PY) manage.py run_worker --with-scheduler & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=cong.settings.dev DJANGO_DEBUG=$${DJANGO_DEBUG:-0} $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py cong.wsgi

## make test: the whole suite against real PostgreSQL (the same cluster, its own database)
# In PYTEST_WORKERS processes (pytest-xdist; each has its own test database), each taking
# whole test modules in the collected order: module fixtures are set up once, and the modules
# that use the showcase portal stay last in every process (tests/conftest.py).
# PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 2
test: install db browser-deps translations
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# The browser checks (tests/browser/) drive Debian's Chromium and inject axe-core; the Nu HTML
# checker (vnu-jar, needs Java) validates every page type. Both come from npm into var/node
# (not committed), in one install (npm --no-save drops packages it is not given). Without
# Chromium or Java the checks skip, unless CONG_REQUIRE_BROWSER is set (CI): then they fail.
CHROMIUM ?= $(shell command -v chromium 2>/dev/null)
AXE_JS := var/node/node_modules/axe-core/axe.min.js
VNU_JAR := var/node/node_modules/vnu-jar/build/dist/vnu.jar
NODE_PACKAGES := axe-core@4 vnu-jar@26

$(AXE_JS) $(VNU_JAR) &:
	@mkdir -p var/node
	npm install --no-save --no-audit --no-fund --loglevel=error --prefix var/node $(NODE_PACKAGES)

axe: $(AXE_JS) $(VNU_JAR)

ifneq ($(strip $(CHROMIUM)),)
browser-deps: $(AXE_JS) $(VNU_JAR)
else
browser-deps:
	@echo "Chromium not found: the browser accessibility checks will be skipped (apt-get install chromium)"
endif

## make screenshots: every page type at 390 and 1366 px into var/screenshots/ (for review)
screenshots: install db browser-deps translations
	CONG_SCREENSHOTS=all $(PY) -m pytest tests/browser/test_layout.py -k screenshots -q

check: install db
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

lint: install
	$(VENV)/bin/ruff check .

bench: install db
	$(PY) benchmarks/create_portal.py

stop-db:
	deploy/localpg.sh stop

clean: stop-db
	rm -rf var $(VENV)
