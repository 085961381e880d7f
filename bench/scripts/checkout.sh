#!/usr/bin/env bash
# Whole-path checkout timing: 'checkout: self' (default fetchDepth 1) of a generated repository with N
# source-like files, next to the physical limit measured in the same run (copying the same work tree
# with tar, i.e. just writing the files) and the time to read the repository information.
#   bench/scripts/checkout.sh [files] [repeats]      (default 2000 files, 7 repeats, medians)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/bench/Slipway.Benchmarks" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet "$root/artifacts/bin/Slipway.Benchmarks/release/Slipway.Benchmarks.dll" --checkout "${1:-2000}" "${2:-7}"
