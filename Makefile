# Kronika — the two commands in the README do all the set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test install install-test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

## make demo: Kronika on the bundled sample document
demo: install
	$(BIN)/kronika demo

## make test: the whole test suite (and ruff)
test: install-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check src tests bench scripts

## benchmarks: scripts with recorded results (BENCHMARKS.md), never part of the tests
bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
