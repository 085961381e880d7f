#!/usr/bin/env bash
# Robustness: binary garbage, a 10 MB line, a step that never ends (job timeout of 1 minute), and
# Ctrl-C in the middle of 50 parallel jobs. Checks: the runner ends, the run record is complete
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
{
  echo "jobs:"
  for i in $(seq 1 50); do printf -- "- job: j%d\n  steps:\n  - checkout: none\n  - bash: sleep %d\n  - bash: echo cleanup\n    condition: always()\n" "$i" "$tag"; done
} >"$dir/azure-pipelines.yml"
# Job control on: a background job of a script would otherwise start with SIGINT ignored (as would its steps).
set -m
"$slipway" run -C "$dir" --parallel 50 >"$dir/out2.txt" 2>&1 &
pid=$!
set +m
sleep 8
kill -INT "$pid"
code=0; wait "$pid" || code=$?
check "Ctrl-C during 50 parallel jobs" "$code"
echo "cleanup steps that ran after Ctrl-C: $(grep -c '] cleanup$' "$dir/out2.txt")"
rm -rf "$dir"
