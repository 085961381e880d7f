# Shared helpers for the whole-run benchmarks: a scratch git repository, timing, the slipway launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# SLIPWAY=/path/to/slipway compares another build. By default the program ./slipway builds is timed
# directly: the ./slipway launcher is a development convenience that checks the sources for changes
# (a find over src/, ~35 ms) before every call; an installed slipway has no such step.
if [[ -n "${SLIPWAY:-}" ]]; then
  slipway="$SLIPWAY"
else
  "$root/slipway" --version >/dev/null   # builds it when the sources changed
  slipway="$root/artifacts/slipway/slipway"
fi
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

# makefile DIR N: a Makefile in DIR whose 'all' runs N independent targets, each 'bash --noprofile --norc FILE' of a no-op script
makefile() {
  local dir="$1" n="$2" i
  {
    printf "all:"; for i in $(seq 1 "$n"); do printf " t%d" "$i"; done; printf "\n"
    for i in $(seq 1 "$n"); do
      echo true >"$dir/make-$i.sh"
      printf "t%d:\n\t@bash --noprofile --norc %s\n" "$i" "$dir/make-$i.sh"
    done
  } >"$dir/Makefile"
}

# interleaved: times the commands in the arrays a_cmd and b_cmd one after the other, RUNS times (default 7), so
# that a slow spell of the machine falls on both; sets a_best, b_best (fastest runs) and a_median, b_median.
# The ratio of the medians is the figure to judge by on a noisy machine: a best-of ratio compares the luckiest
# run of each, which may come from different spells.
interleaved() {
  local n="${RUNS:-7}" i
  local -a as=() bs=()
  for ((i = 0; i < n; i++)); do
    as+=("$(seconds "${a_cmd[@]}")")
    bs+=("$(seconds "${b_cmd[@]}")")
  done
  a_best=$(printf '%s\n' "${as[@]}" | sort -n | head -1)
  b_best=$(printf '%s\n' "${bs[@]}" | sort -n | head -1)
  a_median=$(printf '%s\n' "${as[@]}" | median)
  b_median=$(printf '%s\n' "${bs[@]}" | median)
}

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
