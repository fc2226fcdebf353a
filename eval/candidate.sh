#!/usr/bin/env bash
# Read a trained candidate the way every run in docs/hardcases.md is read: calibrate, evaluate,
# the gate against stage 1 and against the shipped model, the headline against the shipped
# model with rule R1's bar, the long-post probes, the identity probes, the held-out long posts,
# the functionalities that moved, the worried-friend and long-post sweeps (C2, lwr), and the
# held-out crisis bank (C1). Needs reports/stage1 and reports/default from
# training/hardcases/baselines.sh. Run from the repository root:
#   bash eval/candidate.sh NAME MODEL_DIR [skipcal]
# skipcal keeps MODEL_DIR's thresholds (e.g. after `haven eval calibrate --audit ...`).
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: bash eval/candidate.sh NAME MODEL_DIR [skipcal]" >&2; exit 2; fi
N=$1; M=$2
H=.venv/bin/haven
PY=.venv/bin/python
if [ "${3:-}" != skipcal ]; then $H eval calibrate --model "$M" --run runs/default | tail -3; fi
$H eval --model "$M" --run runs/default --out "reports/$N" | tail -3
echo "== gate against stage 1"
$H eval compare --by-source reports/stage1 "reports/$N" | tail -1 || true
echo "== gate against the shipped model"
$H eval compare --by-source reports/default "reports/$N" | tail -1 || true
echo "== headline (R1: the bar; R2: strictly better than the shipped model)"
$H eval headline reports/default "reports/$N" --name shipped --name "$N" \
    --bar eval/bars/recipe_0.2.1_five_seeds.json || true
echo "== long post probes"; $PY -m eval.long_post_probes models/default "$M"
echo "== identity probes"; $PY -m eval.identity_probes "$M" | grep -v "^    "
echo "== held-out long posts"; $PY -m eval.held_out_long_posts models/default "$M"
echo "== functionalities that moved (shipped -> $N)"
$PY - "$N" <<'PY'
import json
import sys

a = json.load(open("reports/default/report.json"))["suites"]["functionalities"]
b = json.load(open(f"reports/{sys.argv[1]}/report.json"))["suites"]["functionalities"]
for k in sorted(b):
    pa, pb, n = a.get(k, {}).get("passed"), b[k]["passed"], b[k]["n"]
    if pa != pb:
        print(f"  {k}: {pa} -> {pb} / {n}")
PY
echo "== C2"; $PY -m eval.suite_sweep "$M" --functionality worry_about_friend | tail -12
echo "== lwr"; $PY -m eval.suite_sweep "$M" --functionality long_post_without_risk | tail -1
echo "== C1"; $PY -m training.hardcases.heldout score "$M" --half odd | grep -E "found:|referred:"
