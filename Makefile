# IMR Archive: the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

## make run: install, migrate, ingest seeds/, serve on http://127.0.0.1:8000
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py sync_index -v0 || $(PY) manage.py rebuild_index
	$(PY) manage.py ingest_letters seeds/
	$(PY) manage.py check_index -v0 || $(PY) manage.py rebuild_index
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite (installs what the browser and PostgreSQL tests need)
test: $(STAMP)
	sh scripts/install-test-system-deps.sh
	$(PY) -m ruff check .
	@echo "== the suite on SQLite =="
	$(PY) -m pytest
	@echo "== the suite on a throwaway PostgreSQL server =="
	$(PY) scripts/with_postgres.py -- $(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

## make bench: both stacks at 10,000 and 100,000 letters (long: builds the archives once, under bench/out/)
bench: $(STAMP)
	$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) bench/ingest.py --count 10000
	$(PY) bench/run.py

clean:
	rm -rf var/ .pytest_cache .hypothesis
