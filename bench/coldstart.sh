#!/usr/bin/env bash
# Cold start: builds the probe (JIT and, with --aot, NativeAOT) and the driver, then runs `coldstart` rounds.
# Usage: bench/coldstart.sh [rounds] [--aot]      (see bench/README.md, "Cold start")
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
dotnet build -c Release bench/Rivya.Sdk.ColdStart --nologo -v quiet
dotnet build -c Release bench/Rivya.Sdk.Benchmarks --nologo -v quiet
aot=()
if [[ "${2:-}" == "--aot" ]]; then
  # gcc as the linker, as scripts/test.d/aot.sh (clang is not on these machines). Refit's probe is published too; its
  # trim warnings do not fail this publish (the SDK's own AOT bar is tests/AotProbe).
  dotnet publish bench/Rivya.Sdk.ColdStart -c Release -r linux-x64 -p:ColdStartAot=true -p:CppCompilerAndLinker=gcc \
    -p:TreatWarningsAsErrors=false -o artifacts/coldstart-aot --nologo -v quiet
  aot=(artifacts/coldstart-aot/Rivya.Sdk.ColdStart)
fi
dotnet bench/Rivya.Sdk.Benchmarks/bin/Release/net10.0/Rivya.Sdk.Benchmarks.dll coldstart "$rounds" \
  bench/Rivya.Sdk.ColdStart/bin/Release/net10.0/Rivya.Sdk.ColdStart.dll "${aot[@]}"
