# The two set-up commands: `make run` serves the app on demo data, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
APT_PACKAGES := chromium fonts-dejavu-core fonts-noto-core nodejs postgresql postgresql-15-postgis-3

.PHONY: run test install install-dev system-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Debian packages the tests and the briefing need; installed only when missing (as root on a fresh machine).
system-deps:
	@bash scripts/system-deps.sh $(APT_PACKAGES)

run: install
	$(BIN)/python -m dashboard prepare > /dev/null  # builds the gazetteer and basemap files once (about 20 s), then quick
	$(BIN)/python -m incidents demo --if-empty
	$(BIN)/python -m dashboard.launch --server.port $(PORT)  # streamlit run dashboard/app.py, first page warmed

test: install-dev system-deps
	$(BIN)/python -m pytest

bench: install-dev
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
