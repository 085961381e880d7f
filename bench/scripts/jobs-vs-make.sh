#!/usr/bin/env bash
# 200 independent no-op jobs with --parallel <cores> vs make -j<cores> running the same 200 commands.
# Target: slipway at most 1.5x make. 7 runs (RUNS=n) of each, alternating; medians and bests are compared.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
jobs="${1:-200}"
dir="$(scratch)"
{
  echo "jobs:"
  for i in $(seq 1 "$jobs"); do
    printf -- "- job: j%d\n  steps:\n  - checkout: none\n  - script: 'true'\n" "$i"
  done
} >"$dir/azure-pipelines.yml"
makefile "$dir" "$jobs"
succeeds "$slipway" run -C "$dir" --parallel "$cores"   # builds once, outside the timing, and must pass
a_cmd=("$slipway" run -C "$dir" --parallel "$cores"); b_cmd=(make -s -C "$dir" -j"$cores")
interleaved
printf "%d no-op jobs: slipway median %.3fs (best %.3fs), make -j%d median %.3fs (best %.3fs), ratio of medians %s, of bests %s (target <= 1.5); load average %s\n" \
  "$jobs" "$a_median" "$a_best" "$cores" "$b_median" "$b_best" "$(ratio "$a_median" "$b_median")" "$(ratio "$a_best" "$b_best")" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$dir"
