#!/usr/bin/env bash
# GitHub Actions: a workflow of 200 independent no-op jobs with --parallel <cores> vs make -j<cores>
# running the same 200 commands. Modelled on jobs-vs-make.sh. The best of 3 runs of each is compared.
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
best_s=999; best_m=999
for _ in $(seq 1 "${RUNS:-3}"); do
  s=$(seconds "$slipway" run -C "$dir" --event push --parallel "$cores")
  m=$(seconds make -s -C "$dir" -j"$cores")
  best_s=$(echo "if ($s < $best_s) $s else $best_s" | bc -l); best_m=$(echo "if ($m < $best_m) $m else $best_m" | bc -l)
done
"$slipway" run -C "$dir" --event push --parallel "$cores" >/dev/null 2>&1 && ok=succeeded || ok=FAILED
printf "%d no-op GitHub jobs (%s): slipway %.3fs, make -j%d %.3fs, ratio %s; load average %s\n" \
  "$jobs" "$ok" "$best_s" "$cores" "$best_m" "$(ratio "$best_s" "$best_m")" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$dir"
