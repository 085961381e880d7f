#!/usr/bin/env bash
# GitHub Actions: a workflow of 200 independent no-op jobs with --parallel <cores> vs make -j<cores>
# running the same 200 commands. Modelled on jobs-vs-make.sh: 7 runs (RUNS=n) of each, alternating.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
jobs="${1:-200}"
dir="$(scratch)"
mkdir -p "$dir/.github/workflows"
{
  echo "on: push"
  echo "jobs:"
  for i in $(seq 1 "$jobs"); do
    printf "  j%d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n" "$i"
  done
} >"$dir/.github/workflows/ci.yml"
makefile "$dir" "$jobs"
git -C "$dir" -c user.name=bench -c user.email=bench@example.com add -A >/dev/null
git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -qm bench
"$slipway" --help >/dev/null 2>&1 || true   # build once, outside the timing
a_cmd=("$slipway" run -C "$dir" --event push --parallel "$cores"); b_cmd=(make -s -C "$dir" -j"$cores")
interleaved
"$slipway" run -C "$dir" --event push --parallel "$cores" >/dev/null 2>&1 && ok=succeeded || ok=FAILED
printf "%d no-op GitHub jobs (%s): slipway median %.3fs (best %.3fs), make -j%d median %.3fs (best %.3fs), ratio of medians %s, of bests %s (target <= 1.5); load average %s\n" \
  "$jobs" "$ok" "$a_median" "$a_best" "$cores" "$b_median" "$b_best" "$(ratio "$a_median" "$b_median")" "$(ratio "$a_best" "$b_best")" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$dir"
