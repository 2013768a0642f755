# The two first commands: `make run` (set up and serve with demo content) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := FLASK_APP=feedback $(VENV)/bin/flask
WORKERS ?= 2
PORT ?= 8000

.PHONY: run test serve bench bench-pg system-deps lint translations

$(VENV)/.installed-run: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

system-deps:
	./scripts/system-deps.sh

run: $(VENV)/.installed-run
	$(FLASK) seed-demo
	$(FLASK) run --host 127.0.0.1 --port 5000

test: $(VENV)/.installed-test system-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/bandit -q -r feedback -c pyproject.toml

# gunicorn's default access line, with the path instead of the whole request line: a query
# string can hold a family link's token (docs/agreements.md) or words someone searched for.
ACCESS_LOG_FORMAT = %(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(f)s" "%(a)s"
serve: $(VENV)/.installed-run
	$(FLASK) db upgrade
	FEEDBACK_ENV=$${FEEDBACK_ENV:-production} $(VENV)/bin/gunicorn -c gunicorn.conf.py \
	  --workers $${WEB_CONCURRENCY:-$(WORKERS)} --bind $${BIND:-127.0.0.1:$(PORT)} \
	  --access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)' --error-logfile - feedback.wsgi:app

# One table: baselines and the product under load on 127.0.0.1, plus every other figure.
# BENCH_ARGS="--seconds 10" to measure longer; DATABASE_URL=postgresql+psycopg://... for PostgreSQL.
bench: $(VENV)/.installed-test
	$(PY) -m benchmarks.run_all $(BENCH_ARGS)

# The same on a throwaway PostgreSQL cluster, started here and always stopped.
# A port below the ephemeral range (32768+), which a busy machine may be holding.
BENCH_PGPORT ?= 25431
bench-pg: $(VENV)/.installed-test
	PGDATA=$$(./scripts/pg-throwaway.sh $(BENCH_PGPORT)) || exit 1; \
	trap "./scripts/pg-throwaway.sh stop $$PGDATA" EXIT; \
	DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:$(BENCH_PGPORT)/postgres \
	  $(PY) -m benchmarks.run_all $(BENCH_ARGS)

# Interface words on survey screens (Flask-Babel): find them in code, templates and
# feedback/surveys/words.toml, update the Welsh and Urdu catalogues, compile the .mo files.
# New strings arrive empty in the .po files (English is shown until they are translated).
I18N := feedback/translations
translations: $(VENV)/.installed-run
	PYTHONPATH=. $(VENV)/bin/pybabel extract -F babel.cfg --sort-output -c NOTE \
	  --project feedback --copyright-holder "the feedback contributors" -o $(I18N)/messages.pot .
	$(VENV)/bin/pybabel update -i $(I18N)/messages.pot -d $(I18N) --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel compile -d $(I18N) --statistics
