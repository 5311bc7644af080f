# Self-documenting Makefile: every target has a `## comment`; `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SEEDS ?= seeds
K ?=
RANDOM_STATE ?= 0
SINCE ?=
# The report names the time it was made; SOURCE_DATE_EPOCH fixes it (reproducible builds). Unset, it is the
# time of the last commit that changed the inputs (not simply the last commit: committing the regenerated
# report would move that), so the committed seed report regenerates byte for byte; outside a git checkout,
# or for inputs git does not track, it stays unset and the report names the time it was made.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct -- $(SEEDS) 2>/dev/null)

.PHONY: help install report test lab lint benchmarks clean

help: ## List the targets with what they do
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(STAMP) ## Create .venv and install the pinned requirements and the package (quick when nothing changed)

$(STAMP): requirements.txt pyproject.toml src/analysis/report/nbconvert_config.py Makefile
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@mkdir -p $(VENV)/etc/jupyter
	@printf '%s\n' 'from analysis.report.nbconvert_config import configure' 'configure(get_config())  # noqa: F821' \
		> $(VENV)/etc/jupyter/jupyter_nbconvert_config.py
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
		> $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

report: install ## Build reports/<corpus-name>.html from seeds/ (SEEDS=..., K=..., RANDOM_STATE=..., SINCE=previous.html)
	$(if $(SOURCE_DATE_EPOCH),SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) ,)$(PY) -m analysis report $(SEEDS) \
		--random-state $(RANDOM_STATE) $(if $(K),--k $(K),) $(if $(SINCE),--since $(SINCE),)

test: install ## Run the test suite: unit, property, notebooks end to end, report checks
	$(PY) -m pytest

lab: install ## Start JupyterLab on notebooks/ with the project's kernel (no news or update checks)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --LabApp.news_url=None \
		--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate $(if $(filter 0,$(shell id -u)),--allow-root,)

lint: install ## Lint with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

benchmarks: install ## Run the speed/memory/quality benchmarks (slow: minutes)
	@for f in benchmarks/*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean: ## Remove build artefacts (keeps .venv and reports)
	rm -rf build .pytest_cache .ruff_cache .hypothesis
