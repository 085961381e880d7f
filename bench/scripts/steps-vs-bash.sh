#!/usr/bin/env bash
# One job of 300 no-op steps vs a bash loop spawning 300 'bash --noprofile --norc FILE' (FILE holds
# 'true'), the command line each 'script' step runs.
# Target: slipway at most 2x the loop. The best of 3 runs (RUNS=n) of each is compared.
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
best_s=999; best_b=999
for _ in $(seq 1 "${RUNS:-3}"); do
  s=$(seconds "$slipway" run -C "$dir")
  b=$(seconds bash -c loop)
  best_s=$(echo "if ($s < $best_s) $s else $best_s" | bc -l); best_b=$(echo "if ($b < $best_b) $b else $best_b" | bc -l)
done
printf "%d no-op steps: slipway %.3fs, bash loop %.3fs, ratio %s (target <= 2)\n" "$steps" "$best_s" "$best_b" "$(ratio "$best_s" "$best_b")"
rm -rf "$dir"
