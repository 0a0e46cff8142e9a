# Fresh machine: `make serve` (build and preview) and `make test` (every check and test).
# They create .venv/ (Python >= 3.11, packages from PyPI at the versions and hashes of
# requirements.lock; `make lock` rewrites it from pyproject.toml) and node_modules/ (npm registry:
# the checklists' fonts, the search library with its stemmers and stop words, the mission workspace's bundler and
# libraries, axe-core, the Nu Html Checker), and install
# the Debian packages they need when missing (as root): Pango for the PDFs; for `make test`,
# also what the browser and HTML tests need.
# Everything works on this Makefile's own folder, wherever make is started from.
HERE   := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
PYTHON ?= python3
VENV   := $(HERE)/.venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
LOCK   := $(HERE)/requirements.lock
NODE_STAMP := $(HERE)/node_modules/.installed-stamp
UV_VERSION := 0.13.9
export NO_MKDOCS_2_WARNING := 1

.PHONY: install lock build-packages system-packages check schema reviewed build serve test test-fast benchmark screenshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The Python packages: exactly those of the lock, each checked against its hashes; then the
# project itself, editable, without dependencies.
$(STAMP): $(LOCK) $(HERE)/pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e $(HERE)
	@touch $@

$(NODE_STAMP): $(HERE)/package.json $(HERE)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 18+ (Debian: apt-get install nodejs npm)"; exit 1; }
	cd $(HERE) && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(STAMP) $(NODE_STAMP)   ## create .venv/ from requirements.lock and node_modules/ from package-lock.json

# uv (from PyPI, into .venv/ only for this) resolves pyproject.toml's ranges, runtime and test
# extra, to their newest versions for Python 3.11+ on every platform, with every file's hash.
lock: | $(BIN)/python   ## rewrite requirements.lock from pyproject.toml (newest versions the ranges allow); then make install
	$(BIN)/python -m pip install --quiet 'uv==$(UV_VERSION)'
	cd $(HERE) && $(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
	  --upgrade --generate-hashes --custom-compile-command 'make lock' --quiet --output-file requirements.lock

# Debian packages: Pango and HarfBuzz for WeasyPrint (the PDFs), then Chromium (browser
# tests), Java (Nu Html Checker) and a font for Chromium to render with. Missing ones are
# installed when run as root, else named.
BUILD_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES  := chromium default-jre-headless fonts-dejavu-core
define debian_packages
	@missing=""; \
	if command -v dpkg-query >/dev/null; then \
	  for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "missing system packages:$$missing (Debian: sudo apt-get install$$missing)"; exit 1; fi; \
	fi
endef

build-packages:
	$(call debian_packages,$(BUILD_PACKAGES))

system-packages: build-packages
	$(call debian_packages,$(TEST_PACKAGES))

check: $(STAMP)          ## validate content: models, numbering, IDs, cross-references, schemas
	cd $(HERE) && $(BIN)/tiptoolkit check

schema: $(STAMP) $(NODE_STAMP)   ## rewrite content/schema/*.schema.json from the models, and the browser's validator of mission files from them
	cd $(HERE) && $(BIN)/tiptoolkit schema
	cd $(HERE) && node web/tools/validator.mjs web/mission/validate-mission.js

EDITION ?= en
reviewed: $(STAMP)       ## after reviewing translations: make reviewed [EDITION=en] UNITS='IV.D.3.o iv/overview'
	cd $(HERE) && $(BIN)/tiptoolkit reviewed --lang $(EDITION) $(UNITS)

build: check build-packages $(NODE_STAMP)   ## write the complete site into site/ (all languages, PDFs, offline zip), atomically
	cd $(HERE) && $(BIN)/tiptoolkit build

serve: check build-packages $(NODE_STAMP)   ## build, then preview at http://127.0.0.1:8000/ with live reload
	cd $(HERE) && $(BIN)/tiptoolkit serve

test: check system-packages $(NODE_STAMP)   ## every test and quality gate (see README)
	cd $(HERE) && $(BIN)/python -m pytest -n auto --durations=15

test-fast: check $(NODE_STAMP)   ## only the content tests (pytest -m content): no site build, no browser, no Java
	cd $(HERE) && $(BIN)/python -m pytest -n auto -m content

screenshots: build   ## the README's screenshots of the mission workspace (screenshots/), from the site just built
	cd $(HERE) && $(BIN)/tiptoolkit screenshots

clean:
	cd $(HERE) && rm -rf site site.previous .site-* .pytest_cache node_modules

benchmark: $(STAMP) build-packages $(NODE_STAMP)   ## time the build against plain mkdocs-material, live reload, page weight (prints a table)
	cd $(HERE) && $(BIN)/python scripts/benchmark.py
