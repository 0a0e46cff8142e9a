# Fresh machine: `make serve` (build and preview) and `make test` (every check and test).
# Both create .venv/ with Python >= 3.11 and install the project and its dependencies from PyPI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: install check schema build serve test clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(STAMP)

check: $(STAMP)          ## validate content: models, numbering, IDs, cross-references, schemas
	$(BIN)/tiptoolkit check

schema: $(STAMP)         ## rewrite content/schema/*.schema.json from the models
	$(BIN)/tiptoolkit schema

build: check             ## write the complete site into site/ (all languages), atomically
	$(BIN)/tiptoolkit build

serve: check             ## build, then preview at http://127.0.0.1:8000/ with live reload
	$(BIN)/tiptoolkit serve

test: check              ## every test: unit, bad-input fixtures, real site build and HTML integrity
	$(BIN)/python -m pytest

clean:
	rm -rf site site.previous .site-* .pytest_cache
