# The two commands: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Settings read PORT: without SITE_URL, links in mails, .ics files and feeds use this port.
export PORT
PIP_FLAGS := --disable-pip-version-check --quiet

.PHONY: run test migrate seed lint ci clean messages

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install $(PIP_FLAGS) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install $(PIP_FLAGS) -e ".[dev]"
	touch $(VENV)/.installed $@

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# One worker per core (pytest-xdist); a module's tests stay together on one worker, so a
# module-scoped fixture (the seeded demo of the crawl) is built once. TEST_WORKERS=0: serial.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-dev
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

# Translations: re-extract the English catalogue and compile it. Both the .po and the .mo are
# committed, so `make run` and `make test` need no gettext tools.
MESSAGES_IGNORE := --ignore=.venv --ignore=var --ignore=bench --ignore=tests --ignore=node_modules
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en $(MESSAGES_IGNORE)
	$(PY) manage.py compilemessages $(MESSAGES_IGNORE)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var/stadtlabor.sqlite3 var/mail var/media
