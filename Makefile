# The newcomer's two commands: `make report` (seed dataset in, report out, embedded store, no
# server) and `make test` (everything: lint, format check, the real Neo4j, every test).
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install report test

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

report: install
	$(VENV)/bin/graphmodel load
	$(VENV)/bin/graphmodel report --out report --policy seed/policy.toml

test: install
	bash scripts/test
