# mhkg — the two commands a new user needs:
#   make serve   install, load the bundled seed documents, serve them on http://127.0.0.1:8080
#   make test    install with the test extras (and Java for the HermiT reasoner), run the suite,
#                and check the built wheel in a fresh virtual environment (make wheel-check)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8080

.DEFAULT_GOAL := help
.PHONY: help install install-test java chromium virtuoso node comunica vendor serve test wheel-check lint \
  format bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed: installing Debian's python3-venv"; rm -rf $(VENV); \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends python3-venv && \
	  $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python ## Install mhkg (editable) into .venv
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python java chromium virtuoso comunica ## Install mhkg with the test extras (and the test clients)
	$(BIN)/python -m pip install --quiet -e '.[test]'

java: ## Make sure a Java runtime is present (HermiT needs one); installs Debian's if not
	@command -v java >/dev/null 2>&1 || { \
	  echo "Java not found: installing default-jre-headless"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends default-jre-headless; }

chromium: ## Make sure headless Chromium and its WebDriver are present (browser tests)
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  echo "Chromium or chromedriver not found: installing Debian's chromium, chromium-driver"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends \
	    chromium chromium-driver fonts-dejavu-core; }

virtuoso: ## Make sure Virtuoso is present (the remote store's tests start one); installs Debian's if not
	@{ command -v virtuoso-t && command -v isql-vt; } >/dev/null 2>&1 || { \
	  echo "virtuoso-t not found: installing Debian's virtuoso-opensource"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends \
	    virtuoso-opensource; }

node: ## Make sure Node.js and npm are present (the Comunica client); installs Debian's if not
	@{ command -v node && command -v npm; } >/dev/null 2>&1 || { \
	  echo "Node.js or npm not found: installing Debian's nodejs, npm"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends nodejs npm; }

COMUNICA := tools/comunica/node_modules/.bin/comunica-sparql

$(COMUNICA): tools/comunica/package-lock.json | node
	cd tools/comunica && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

comunica: $(COMUNICA) ## Install Comunica (a third-party SPARQL client for the tests) from its lockfile

vendor: node ## Re-vendor YASGUI and Cytoscape.js into server/static/vendor from the lockfile
	tools/vendor_assets.sh

serve: install ## Serve the knowledge graph (bundled data loaded into an empty store)
	$(BIN)/mhkg serve --host $(HOST) --port $(PORT)

test: install-test wheel-check ## Run the test suite (after checking the built wheel)
	$(BIN)/python -m pytest

wheel-check: $(BIN)/python ## Build the wheel, install it in a fresh venv, run the CLI from it
	tools/wheel_check.sh $(BIN)/python

lint: install-test ## Check style (ruff)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Format the code (ruff)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Run the benchmarks (figures, not tests)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/store_choice.py

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
