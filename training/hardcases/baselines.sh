#!/usr/bin/env bash
# Rebuild what every hard-case run in docs/hardcases.md since stop 55 starts from: the public
# split, stage 1 (the model trained without the hard cases, commit b830255, which the gate
# compares against), the teacher 0.2.3 (commit bb10c83), the hard-case banks, the mined
# negatives, and the reports of stage 1 and the shipped model. Run from the repository root after
# `make install`; about 5-10 minutes on 2 cores.
# Everything is written under runs/ and reports/ (git-ignored: derived from ../shared data).
# Check: md5 of runs/quote.jsonl 68270d37..., runs/long_everyday.jsonl 4b43e58d...,
# runs/crisis_contrast.jsonl 81209a5e...; runs/mined.jsonl 879 lines, varied_ev_even 785.
set -euo pipefail
H=.venv/bin/haven
PY=.venv/bin/python
mkdir -p runs reports
$H data --write-split runs/default
from_git() {  # REV DEST: models/default as committed at REV
    local tmp; tmp=$(mktemp -d)
    git archive "$1" models/default | tar -x -C "$tmp"
    rm -rf "$2" && mv "$tmp/models/default" "$2" && rm -rf "$tmp"
}
from_git b830255 runs/stage1-model
from_git bb10c83 runs/teacher-0.2.3   # 0.2.3: the teacher of runs V34-V37 and of 0.2.4
$H hardcases --out runs/hardcases.jsonl
$PY -m training.hardcases.mining --model runs/stage1-model --out runs/mined.jsonl
$H hardcases --functionalities varied_crisis,near_miss_everyday --per-functionality 100 \
    --out runs/varied_ev.jsonl
$PY -m training.hardcases.heldout split --in runs/varied_ev.jsonl --out runs/varied_ev_even.jsonl \
    --keep even
$H hardcases --language ar-Latn --out runs/arabizi.jsonl
$H hardcases --functionalities varied_counter_reply,varied_endorse_reply,varied_identity_positive,varied_group_hate,varied_harassment,varied_self_deprecation \
    --per-functionality 100 --out runs/varied_id6.jsonl
$H hardcases --functionalities identity_contrast --per-functionality 200 --out runs/contrast.jsonl
$H hardcases --functionalities quote_contrast --per-functionality 200 --out runs/quote.jsonl
$PY -c "import json; open('runs/contrast_affirm.jsonl', 'w').writelines(l for l in open('runs/contrast.jsonl') if json.loads(l)['functionality'] == 'contrast_affirm')"
$H hardcases --functionalities varied_worry_other --per-functionality 200 --out runs/worry_other.jsonl
$H hardcases --functionalities varied_long_everyday --per-functionality 200 \
    --out runs/long_everyday.jsonl
$H hardcases --functionalities varied_long_crisis_end --per-functionality 50 \
    --out runs/long_crisis_even50.jsonl
$H hardcases --functionalities crisis_contrast --per-functionality 200 \
    --out runs/crisis_contrast.jsonl
md5sum runs/quote.jsonl runs/long_everyday.jsonl runs/crisis_contrast.jsonl
wc -l runs/mined.jsonl runs/varied_ev_even.jsonl
$H eval calibrate --model runs/stage1-model --run runs/default | tail -3
$H eval --model runs/stage1-model --run runs/default --out reports/stage1 | tail -3
$H eval --model models/default --run runs/default --out reports/default | tail -3
