# Marsad: two commands on a fresh machine.
#   make demo   installs Marsad in .venv, ingests the example articles into demo.db, shows the result
#   make test   installs the development tools and runs lint, types and the whole test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test lint typecheck pytest bench clean

$(BIN)/marsad: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev: $(BIN)/marsad
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

demo: $(BIN)/marsad
	$(BIN)/marsad ingest examples/articles --db $(DEMO_DB)
	$(BIN)/marsad stats --db $(DEMO_DB)
	$(BIN)/marsad show example-wire-2 --db $(DEMO_DB)

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.dev
	$(BIN)/mypy

pytest: $(VENV)/.dev
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(BIN)/marsad
	$(BIN)/python benchmarks/ingest_clean.py
	$(BIN)/python benchmarks/extractors.py
	$(BIN)/python benchmarks/ner.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
