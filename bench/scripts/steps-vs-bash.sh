#!/usr/bin/env bash
# One job of 300 no-op steps vs a bash loop spawning 300 'bash --noprofile --norc FILE' (FILE holds
# 'true'), the command line each 'script' step runs.
# Target: slipway at most 2x the loop. 7 runs (RUNS=n) of each, alternating; medians and bests are compared.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
steps="${1:-300}"
dir="$(scratch)"
{
  echo "steps:"
  echo "- checkout: none"
  for _ in $(seq 1 "$steps"); do echo "- script: 'true'"; done
} >"$dir/azure-pipelines.yml"
echo true >"$dir/noop.sh"
noop="$dir/noop.sh"
loop() { for _ in $(seq 1 "$steps"); do bash --noprofile --norc "$noop"; done; }
export -f loop; export steps noop
succeeds "$slipway" run -C "$dir"   # builds once, outside the timing, and must pass
a_cmd=("$slipway" run -C "$dir"); b_cmd=(bash -c loop)
interleaved
printf "%d no-op steps: slipway median %.3fs (best %.3fs), bash loop median %.3fs (best %.3fs), ratio of medians %s, of bests %s (target <= 2)\n" \
  "$steps" "$a_median" "$a_best" "$b_median" "$b_best" "$(ratio "$a_median" "$b_median")" "$(ratio "$a_best" "$b_best")"
rm -rf "$dir"
