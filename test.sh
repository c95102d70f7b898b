#!/usr/bin/env bash
# The whole test suite, in three legs:
#   1. net10.0;
#   2. net8.0, published self-contained for linux-x64 (a real .NET 8 runtime, shipped in the publish folder);
#   3. net10.0 tests loading the netstandard2.0 build of Rivya.Sdk.
# Every leg runs even if an earlier one fails. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Every build here runs every check: no quickstart fast path (Directory.Build.props).
export RIVYA_FULL_BUILD=1
results=artifacts/test-results
rm -rf "$results" artifacts/net8-test
mkdir -p "$results"
failed_steps=0

step() { # name, command...
  local name=$1; shift
  echo "==> $name"
  if ! "$@"; then
    echo "!! $name failed"
    failed_steps=$((failed_steps + 1))
  fi
}

trx() { echo "--logger" "trx;LogFileName=$PWD/$results/$1.trx"; }

step "leg 1: net10.0" dotnet test tests/Rivya.Sdk.Tests -f net10.0 $(trx net10)
step "leg 2: publish net8.0 self-contained (linux-x64)" \
  dotnet publish tests/Rivya.Sdk.Tests -f net8.0 -r linux-x64 --self-contained -c Release -o artifacts/net8-test
step "leg 2: net8.0 self-contained" dotnet test artifacts/net8-test/Rivya.Sdk.Tests.dll $(trx net8)
step "leg 3: netstandard2.0 build" dotnet test tests/Rivya.Sdk.Tests.NetStandard $(trx netstandard2.0)

for extra in scripts/test.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$(basename "$extra" .sh)" bash "$extra"
done

passed=0; failed=0
for file in "$results"/*.trx; do
  [ -e "$file" ] || continue
  counters=$(grep -m 1 -o '<Counters [^>]*>' "$file")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "    $(basename "$file" .trx): ${p:-0} passed, ${f:-0} failed"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A step that failed without a failing test (a build break, a sample's exit code) still counts as a failure.
if [ "$failed_steps" -gt 0 ] && [ "$failed" -eq 0 ]; then failed=$failed_steps; fi
echo "$passed passed, $failed failed"
[ "$failed_steps" -eq 0 ] && [ "$failed" -eq 0 ]
