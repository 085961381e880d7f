#!/usr/bin/env bash
# GitHub Actions: one job of 300 no-op run steps vs a bash loop spawning 300 'bash --noprofile --norc -c true'.
# Modelled on steps-vs-bash.sh (a GitHub run step starts 'bash -e FILE'): 7 runs (RUNS=n) of each, alternating.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
steps="${1:-300}"
dir="$(scratch)"
mkdir -p "$dir/.github/workflows"
{
  echo "on: push"
  echo "jobs:"
  echo "  many:"
  echo "    runs-on: ubuntu-latest"
  echo "    steps:"
  for _ in $(seq 1 "$steps"); do echo "      - run: 'true'"; done
} >"$dir/.github/workflows/ci.yml"
git -C "$dir" -c user.name=bench -c user.email=bench@example.com add -A >/dev/null
git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -qm bench
loop() { for _ in $(seq 1 "$steps"); do bash --noprofile --norc -c true; done; }
export -f loop; export steps
"$slipway" --help >/dev/null 2>&1 || true
a_cmd=("$slipway" run -C "$dir" --event push); b_cmd=(bash -c loop)
interleaved
"$slipway" run -C "$dir" --event push >/dev/null 2>&1 && ok=succeeded || ok=FAILED
printf "%d no-op GitHub run steps (%s): slipway median %.3fs (best %.3fs), bash loop median %.3fs (best %.3fs), ratio of medians %s, of bests %s (target <= 2); load average %s\n" \
  "$steps" "$ok" "$a_median" "$a_best" "$b_median" "$b_best" "$(ratio "$a_median" "$b_median")" "$(ratio "$a_best" "$b_best")" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$dir"
