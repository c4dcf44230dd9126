# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint lab gazetteer bench clean browser assets pythons

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The Leaflet files offline maps inline are committed (geokit/maps/_assets/); this checks them
# against their pinned sha512s (no network). `scripts/fetch_assets.py --update` after a version bump.
assets:
	$(PYTHON) scripts/fetch_assets.py --check

demo: $(STAMP)
	$(BIN)/geokit demo -o demo-output

# Debian's Chromium for the real-browser tests and PNG/PDF export (installed when root).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: /usr/bin/chromium missing; browser tests will be skipped (sudo apt-get install chromium)"; fi; \
	fi

test: $(STAMP) browser assets
	$(BIN)/ruff check geokit tests gazetteer benchmarks
	GEOKIT_RELIABILITY_REPORT=docs/reliability.md $(BIN)/python -m pytest -q

# The wheel on Python 3.12 and 3.13 when those interpreters exist (fast tests; not in `make test`).
pythons: $(STAMP)
	PYTHON=$(BIN)/python scripts/test_pythons.sh

lint: $(STAMP)
	$(BIN)/ruff check geokit tests gazetteer benchmarks
	$(BIN)/ruff format --check geokit tests gazetteer benchmarks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

gazetteer: $(STAMP)
	$(BIN)/python gazetteer/build.py
	$(BIN)/python gazetteer/build_admin.py
	$(BIN)/python gazetteer/build_codifier.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_geocode.py

clean:
	rm -rf $(VENV) build *.egg-info
