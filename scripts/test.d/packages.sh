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
  # Read into a variable before grepping: under pipefail, `unzip | grep -q` fails at random when grep's early exit
  # gives unzip a SIGPIPE (exit 141), which is how a clean package once failed CI.
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<repository ' <<<"$nuspec" || { echo "$id package lacks SourceLink repository metadata"; exit 1; }
  if [ "$id" = Rivya.Sdk.Testing ]; then
    # The fake reads Rivya.Sdk's internals: it must depend on exactly its own version, in every target group.
    deps=$(grep -o '<dependency id="Rivya.Sdk" [^>]*>' <<<"$nuspec" || true)
    [ -n "$deps" ] || { echo "Rivya.Sdk.Testing does not depend on Rivya.Sdk"; exit 1; }
    # No pipe into grep -q (see above): the lines that are not the exact version, read into a variable.
    other=$(grep -v "version=\"\[$version\]\"" <<<"$deps" || true)
    [ -z "$other" ] || { echo "Rivya.Sdk.Testing must depend on exactly Rivya.Sdk [$version], found:"; echo "$deps"; exit 1; }
  fi
  if [ "$id" = Rivya.Sdk ]; then
    for tfm in netstandard2.0 net8.0 net10.0; do
      grep -q "lib/$tfm/Rivya.Sdk.dll" <<<"$listing" || { echo "Rivya.Sdk lacks $tfm"; exit 1; }
    done
  fi
done

consumer=tests/PackageConsumer
rm -rf "$consumer/bin" "$consumer/obj"
dotnet run --project "$consumer" -p:RivyaPackageVersion="$version" \
  -p:RestoreAdditionalProjectSources="$PWD/$out" --nologo
