#!/usr/bin/env bash
# 1,000 no-op jobs: peak resident memory of the slipway process (target: under 200 MB).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
jobs="${1:-1000}"
dir="$(scratch)"
{
  echo "jobs:"
  for i in $(seq 1 "$jobs"); do printf -- "- job: j%d\n  steps:\n  - checkout: none\n  - script: 'true'\n" "$i"; done
} >"$dir/azure-pipelines.yml"
"$slipway" --help >/dev/null 2>&1 || true
start=$(date +%s.%N)
/usr/bin/time -v "$slipway" run -C "$dir" --parallel "$cores" >/dev/null 2>"$dir/time.txt" || true
end=$(date +%s.%N)
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
printf "%d no-op jobs: peak RSS %d MB, %.1fs (target < 200 MB)\n" "$jobs" "$((rss / 1024))" "$(echo "$end - $start" | bc -l)"
rm -rf "$dir"
