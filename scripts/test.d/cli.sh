#!/usr/bin/env bash
# The rivya command line: its tests (parsing, end to end against FakeRivyaHost in its own process, the kill -9 crash
# test) into artifacts/test-results/cli.trx; then the NativeAOT publish for linux-x64, which must show 0 trim/AOT
# warnings; then the native binary runs `rivya models` against FakeRivyaHost. ./test.sh runs this as a step.
set -uo pipefail
cd "$(dirname "$0")/../.."

results=artifacts/test-results
out=artifacts/rivya-aot
mkdir -p "$results"
failed=0

echo "--> rivya: tests"
dotnet test tests/Rivya.Cli.Tests --logger "trx;LogFileName=$PWD/$results/cli.trx" || failed=1

echo "--> rivya: the .NET tool package (dotnet tool install -g Rivya.Cli)"
rm -rf artifacts/packages-cli
if dotnet pack src/Rivya.Cli -c Release -o artifacts/packages-cli --nologo -v quiet; then
  listing=$(unzip -l artifacts/packages-cli/Rivya.Cli.*.nupkg)
  for needed in tools/net10.0/any/rivya.dll tools/net10.0/any/DotnetToolSettings.xml tools/net10.0/any/Rivya.Sdk.dll; do
    grep -q "$needed" <<<"$listing" || { echo "!! the Rivya.Cli package lacks $needed"; failed=1; }
  done
else
  echo "!! dotnet pack src/Rivya.Cli failed"
  failed=1
fi

echo "--> rivya: NativeAOT publish (linux-x64)"
rm -rf "$out"
log=$(mktemp)
if ! dotnet publish src/Rivya.Cli -c Release -r linux-x64 -o "$out" -p:CppCompilerAndLinker=gcc --nologo 2>&1 | tee "$log"; then
  echo "!! the AOT publish failed"
  failed=1
fi
warnings=$(grep -cE 'warning (IL[0-9]+|AOT)' "$log" || true)
rm -f "$log"
if [ "$warnings" -ne 0 ]; then
  echo "!! the AOT publish showed $warnings trim/AOT warning(s)"
  failed=1
fi

if [ -x "$out/rivya" ]; then
  echo "--> rivya: the native binary ($(stat -c %s "$out/rivya") bytes) runs 'rivya models' against FakeRivyaHost"
  dotnet build samples/FakeRivyaHost -nologo -v quiet >/dev/null || failed=1
  host_out=$(mktemp)
  dotnet samples/FakeRivyaHost/bin/Debug/net10.0/FakeRivyaHost.dll --port 0 >"$host_out" 2>&1 &
  host=$!
  for _ in $(seq 1 300); do [ -s "$host_out" ] && break; sleep 0.1; done
  base=$(head -n 1 "$host_out")
  if models=$(RIVYA_BASE_ADDRESS=$base timeout 30 "$out/rivya" models --json) && grep -q '"id":"kling-3-0"' <<<"$models"; then
    echo "ok   the native rivya listed $(grep -o '"id":"[^"]*"' <<<"$models" | wc -l) models from $base"
  else
    echo "!! the native rivya did not list the models from '$base': $models"
    failed=1
  fi
  kill "$host" 2>/dev/null
  wait "$host" 2>/dev/null
  rm -f "$host_out"
else
  failed=1
fi

[ "$failed" -eq 0 ]
