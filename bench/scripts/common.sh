# Shared helpers for the whole-run benchmarks: a scratch git repository, timing, the slipway launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
slipway="${SLIPWAY:-$root/slipway}"   # SLIPWAY=/path/to/slipway compares another build
cores="$(nproc)"

scratch() {
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/slipway-bench-XXXXXX")"
  git -C "$dir" init -q -b main
  echo "$dir"
}

# seconds (3 decimals) a command takes
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.3f'
}

# runs a command once (untimed) and stops the benchmark if it fails
succeeds() { "$@" >/dev/null 2>&1 || { echo "benchmark setup failed: $*" >&2; exit 1; }; }

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
