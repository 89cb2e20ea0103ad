# Two commands do all the set-up on a fresh machine (see README):
#   make demo   – create .venv, install actorgraph with spaCy and its model, load the sample
#                 articles into ./actorgraph.db and run a first query
#   make test   – the same install plus test tools, then lint and the whole test suite
#                 (.ci/run calls exactly this; as root it also apt-installs chromium for the
#                 HTML view tests)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast lint clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/actorgraph load examples/articles
	$(BIN)/actorgraph who "climate change"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

browser:
	bash .ci/install-chromium

test: lint browser
	$(BIN)/python -m pytest -q

test-fast: setup   # a quick local run: no lint, no browser, no whole-suite quality bars
	$(BIN)/python -m pytest -q -m "not slow"

clean:
	rm -rf $(VENV) actorgraph.db actorgraph.db-wal actorgraph.db-shm .pytest_cache .ruff_cache
