#!/usr/bin/env bash
# Packs Rivya.Sdk and Rivya.Sdk.Testing (README, license, symbols, SourceLink), checks what the packages hold, then
# builds and runs a small consumer from those packages alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="0.1.0-ci.$(date +%s)"
out=artifacts/packages
rm -rf "$out"
dotnet pack src/Rivya.Sdk/Rivya.Sdk.csproj -c Release -o "$out" -p:Version="$version" --nologo -v quiet
dotnet pack src/Rivya.Sdk.Testing/Rivya.Sdk.Testing.csproj -c Release -o "$out" -p:Version="$version" --nologo -v quiet

for id in Rivya.Sdk Rivya.Sdk.Testing; do
  nupkg="$out/$id.$version.nupkg"
  [ -f "$out/$id.$version.snupkg" ] || { echo "missing symbols package for $id"; exit 1; }
  listing=$(unzip -l "$nupkg")
  for needed in README.md LICENSE "$id.nuspec"; do
    grep -q "$needed" <<<"$listing" || { echo "$id package lacks $needed"; exit 1; }
  done
  unzip -p "$nupkg" "$id.nuspec" | grep -q '<repository ' || { echo "$id package lacks SourceLink repository metadata"; exit 1; }
done
unzip -l "$out/Rivya.Sdk.$version.nupkg" | grep -q "lib/netstandard2.0/Rivya.Sdk.dll" || { echo "Rivya.Sdk lacks netstandard2.0"; exit 1; }

consumer=tests/PackageConsumer
rm -rf "$consumer/bin" "$consumer/obj"
dotnet run --project "$consumer" -p:RivyaPackageVersion="$version" \
  -p:RestoreAdditionalProjectSources="$PWD/$out" --nologo
