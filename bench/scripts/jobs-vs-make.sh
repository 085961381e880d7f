#!/usr/bin/env bash
# 200 independent no-op jobs with --parallel <cores> vs make -j<cores> running the same 200 commands.
# Target: slipway at most 1.5x make. The best of 3 runs (RUNS=n) of each is compared.
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
best_s=999; best_m=999
for _ in $(seq 1 "${RUNS:-3}"); do
  s=$(seconds "$slipway" run -C "$dir" --parallel "$cores")
  m=$(seconds make -s -C "$dir" -j"$cores")
  best_s=$(echo "if ($s < $best_s) $s else $best_s" | bc -l); best_m=$(echo "if ($m < $best_m) $m else $best_m" | bc -l)
done
printf "%d no-op jobs: slipway %.3fs, make -j%d %.3fs, ratio %s (target <= 1.5)\n" "$jobs" "$best_s" "$cores" "$best_m" "$(ratio "$best_s" "$best_m")"
rm -rf "$dir"
