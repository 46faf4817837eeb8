# The two commands of the README: `make demo` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test setup bench browser train-attribution ocr postgres

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev,batch]'
	touch $(STAMP)

setup: $(STAMP)

# The browser tests drive Debian's chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }

# Scans and photographs are read by Debian's Tesseract, with the English, Persian and Arabic data.
ocr:
	@{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx fas \
		&& tesseract --list-langs 2>/dev/null | grep -qx ara; } || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
			tesseract-ocr tesseract-ocr-eng tesseract-ocr-fas tesseract-ocr-ara; }

# The store's tests run on PostgreSQL too: Debian's server, which the tests start themselves
# (initdb + pg_ctl into a temporary folder, tests/pgserver.py); nothing is left running.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends postgresql; }

# Read the bundled example letter into ./firsthand.db and print its record summary.
demo: $(STAMP) ocr
	$(VENV)/bin/firsthand demo

# Lint, type-check, then the whole test suite, browser tests included.
test: $(STAMP) browser ocr postgres
	$(VENV)/bin/ruff check src tests bench training
	$(VENV)/bin/ruff format --check src tests bench training
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

bench: $(STAMP)
	$(VENV)/bin/python bench/throughput.py

# Retrain the attribution model shipped in src/firsthand/models/ from GUM (../shared/datasets/gum).
train-attribution: $(STAMP)
	PYTHONPATH=src $(VENV)/bin/python training/train_attribution.py
