# Fresh machine: `make serve` (build and preview) and `make test` (every check and test).
# They create .venv/ (Python >= 3.11, packages from PyPI) and node_modules/ (npm registry:
# the offline search shim, axe-core, the Nu Html Checker), and `make test` installs the
# Debian packages the browser and HTML tests need when they are missing (as root).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: install system-packages check schema reviewed build serve test benchmark clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 18+ (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(STAMP) $(NODE_STAMP)

# Chromium (browser tests), Java (Nu Html Checker) and a font for Chromium to render with.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	[ -d /usr/share/fonts/truetype/dejavu ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "missing system packages:$$missing (Debian: sudo apt-get install$$missing)"; exit 1; fi; \
	fi

check: $(STAMP)          ## validate content: models, numbering, IDs, cross-references, schemas
	$(BIN)/tiptoolkit check

schema: $(STAMP)         ## rewrite content/schema/*.schema.json from the models
	$(BIN)/tiptoolkit schema

EDITION ?= en
reviewed: $(STAMP)       ## after reviewing translations: make reviewed [EDITION=en] UNITS='IV.D.3.o iv/overview'
	$(BIN)/tiptoolkit reviewed --lang $(EDITION) $(UNITS)

build: check $(NODE_STAMP)   ## write the complete site into site/ (all languages, offline zip), atomically
	$(BIN)/tiptoolkit build

serve: check $(NODE_STAMP)   ## build, then preview at http://127.0.0.1:8000/ with live reload
	$(BIN)/tiptoolkit serve

test: check system-packages $(NODE_STAMP)   ## every test and quality gate (see README)
	$(BIN)/python -m pytest

clean:
	rm -rf site site.previous .site-* .pytest_cache node_modules

benchmark: $(STAMP) $(NODE_STAMP)   ## time the build against plain mkdocs-material, live reload, page weight (prints a table)
	$(BIN)/python scripts/benchmark.py
