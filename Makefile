# Haven: install, run, test. `make serve` and `make test` are the README's first two commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test test-fast train eval bench soak lint clean

install: $(STAMP)

# torch is pinned and installed first: this machine has a CPU build of 2.13.0 on disk, and an
# unpinned torch would pull a multi-GB CUDA build from the registry.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

serve: install
	$(BIN)/haven serve

test: install
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not slow and not browser"

train: install
	$(BIN)/haven train --config training/configs/default.yaml

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
