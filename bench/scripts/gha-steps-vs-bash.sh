#!/usr/bin/env bash
# GitHub Actions: one job of 300 no-op run steps vs a bash loop spawning 300 'bash --noprofile --norc -c true'.
# Modelled on steps-vs-bash.sh (a GitHub run step starts 'bash -e FILE'). The best of 3 runs of each is compared.
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
best_s=999; best_b=999
for _ in $(seq 1 "${RUNS:-3}"); do
  s=$(seconds "$slipway" run -C "$dir" --event push)
  b=$(seconds bash -c loop)
  best_s=$(echo "if ($s < $best_s) $s else $best_s" | bc -l); best_b=$(echo "if ($b < $best_b) $b else $best_b" | bc -l)
done
"$slipway" run -C "$dir" --event push >/dev/null 2>&1 && ok=succeeded || ok=FAILED
printf "%d no-op GitHub run steps (%s): slipway %.3fs, bash loop %.3fs, ratio %s; load average %s\n" \
  "$steps" "$ok" "$best_s" "$best_b" "$(ratio "$best_s" "$best_b")" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$dir"
