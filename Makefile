# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint lab gazetteer bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/geokit demo

test: $(STAMP)
	$(BIN)/ruff check geokit tests gazetteer benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check geokit tests gazetteer benchmarks
	$(BIN)/ruff format --check geokit tests gazetteer benchmarks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

gazetteer: $(STAMP)
	$(BIN)/python gazetteer/build.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_geocode.py

clean:
	rm -rf $(VENV) build *.egg-info
