#!/usr/bin/env bash
# Publishes tests/AotProbe with NativeAOT (gcc as the linker, since clang is not on these machines); any trim or AOT
# warning from the SDK or its dependencies fails the publish. Then runs the native binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/aot-probe
rm -rf "$out"
dotnet publish tests/AotProbe -c Release -r linux-x64 -o "$out" -p:CppCompilerAndLinker=gcc -p:StripSymbols=false --nologo -v quiet
"$out/AotProbe"
