#!/usr/bin/env bash
# Whole-path log throughput: a real bash child printing N lines (seq) read by Slipway's process
# reader, checked for logging commands, masked with 50 secrets and written to a log file, next to the
# baseline of bash writing the same lines straight to a file.
#   bench/scripts/log-throughput.sh [lines]      (default 1000000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-1000000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/bench/Slipway.Benchmarks" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
bench="$root/artifacts/bin/Slipway.Benchmarks/release/Slipway.Benchmarks.dll"

start=$(date +%s.%N)
bash -c "seq 1 $lines > '$tmp/baseline.log'"
end=$(date +%s.%N)
awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { t = e - s; printf "baseline (bash seq > file): lines=%d seconds=%.3f lines_per_s=%.0f\n", n, t, n / t }'

printf 'slipway (process+commands+mask+file): '
dotnet "$bench" --log-throughput "$lines" "$tmp/slipway.log" 50
cmp -s "$tmp/baseline.log" "$tmp/slipway.log" && echo "log files identical: yes" || { echo "log files identical: NO"; exit 1; }
