#!/usr/bin/env bash
# A step printing 1,000,000 lines with 50 secrets registered, streamed to the console (a file here)
# and the step log. Target: over 200,000 lines/s.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
lines="${1:-1000000}"
dir="$(scratch)"
secrets=()
for i in $(seq 1 50); do secrets+=(--secret "s$i=secret-value-$i-$RANDOM$RANDOM"); done
cat >"$dir/azure-pipelines.yml" <<YAML
steps:
- checkout: none
- bash: seq 1 $lines | sed 's/\$/ some ordinary log text that is not secret/'
YAML
"$slipway" --help >/dev/null 2>&1 || true
start=$(date +%s.%N)
"$slipway" run -C "$dir" "${secrets[@]}" >"$dir/out.txt" 2>&1 || true
end=$(date +%s.%N)
elapsed=$(echo "$end - $start" | bc -l)
got=$(grep -c "some ordinary log text" "$dir/out.txt" || true)
printf "%d lines with 50 secrets: %.2fs for the whole run, %.0f lines/s (console file had %d lines; target > 200000)\n" \
  "$lines" "$elapsed" "$(echo "$lines / $elapsed" | bc -l)" "$got"
rm -rf "$dir"
