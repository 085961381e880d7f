#!/usr/bin/env bash
# Runs every check the project has: formatting, build (warnings are errors), all test projects
# (fast and end-to-end), and prints one closing line "N passed, N failed".
#   ./test.sh                 everything
#   ./test.sh --fast          skip the EndToEnd category
#   ./test.sh --filter EXPR   pass a dotnet test filter
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

filter=""
case "${1:-}" in
  --fast) filter="Category!=EndToEnd" ;;
  --filter) filter="${2:?--filter needs an expression}" ;;
esac

# Every temporary folder the build and the tests make (test repositories, work folders, run stores) goes in one
# folder of its own, removed when the tests end: a run of the suite leaves nothing behind in /tmp.
test_tmp="$(mktemp -d "${TMPDIR:-/tmp}/slipway-tests-XXXXXX")"
trap 'chmod -R u+w "$test_tmp" 2>/dev/null; rm -rf "$test_tmp"' EXIT
export TMPDIR="$test_tmp"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

fail_setup() { echo "$1" >&2; echo "0 passed, 1 failed"; exit 1; }

# Node packages used by the step-protocol tests (real @actions/core and azure-pipelines-task-lib).
if [[ -f test/fixtures/node/package.json ]]; then
  (cd test/fixtures/node && npm ci --no-audit --no-fund --loglevel=error) || fail_setup "npm ci failed for test/fixtures/node"
fi

# pwsh, git-lfs and 7z for the end-to-end tests, into .tools/ (git-ignored), on PATH for the tests only.
source "$root/test/tools.sh"

dotnet build Slipway.slnx -c Release --nologo -v quiet -clp:ErrorsOnly || fail_setup "The build failed."
dotnet format Slipway.slnx --verify-no-changes --no-restore -v quiet || fail_setup "dotnet format found code that is not formatted; run 'dotnet format Slipway.slnx'."

args=(test Slipway.slnx -c Release --no-build --nologo --logger "trx" --results-directory "$results")
[[ -n "$filter" ]] && args+=(--filter "$filter")
dotnet "${args[@]}"
status=$?

passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1  # the test host crashed or a project failed to run: never report green
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 && $status -eq 0 ]]
