#!/usr/bin/env bash
# Robustness: binary garbage, a 10 MB line, a step that never ends (job timeout of 1 minute). Checks: the runner ends, the run record is complete
# (no record left Running), no process of the run is left.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dir="$(scratch)"
tag=$((RANDOM + 400000))
check() { # $1 = label
  local running left
  running=$(sqlite3 "$dir/.slipway/runs.db" "select count(*) from records where state='Running' or state='Pending';" 2>/dev/null || echo "?")
  left=$(pgrep -fc "sleep $tag" || true)
  left=${left:-0}
  echo "$1: exit $2, records left running/pending: $running, processes left: $left"
}
cat >"$dir/azure-pipelines.yml" <<YAML
jobs:
- job: garbage
  steps:
  - checkout: none
  - bash: head -c 5000000 /dev/urandom
- job: longline
  steps:
  - checkout: none
  - bash: head -c 10000000 /dev/zero | tr '\\\\0' 'x'; echo
- job: forever
  timeoutInMinutes: 1
  steps:
  - checkout: none
  - bash: sleep $tag
YAML
"$slipway" --help >/dev/null 2>&1 || true
start=$(date +%s)
code=0; "$slipway" run -C "$dir" >"$dir/out1.txt" 2>&1 || code=$?
check "garbage + 10 MB line + 1-minute timeout ($(( $(date +%s) - start ))s)" "$code"
# Ctrl-C during 50 parallel jobs: see ctrlc-50.py (it starts slipway with the default SIGINT handling).
rm -rf "$dir"
