#!/usr/bin/env bash
# Regenerates the public API listing (PublicAPI.Unshipped.txt) of the packable projects from the code as it is.
# Use it after an intended public surface change, then review the diff: every changed line is a surface change.
#
# How: empty each Unshipped listing, build each target framework with the analyzer's RS0016 ("not part of the declared
# public API") as a warning, and collect the symbols it names. Lines every framework shares go to
# <project>/PublicAPI.Unshipped.txt; a line only some frameworks have (a record's covariant Clone on net8.0+) goes to
# <project>/PublicAPI/<tfm>/PublicAPI.Unshipped.txt. PublicAPI.Shipped.txt files are left alone (move lines there on
# release). Usage: scripts/update-public-api.sh [project dir ...]  (default: both packages)
set -euo pipefail
cd "$(dirname "$0")/.."

projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then projects=(src/Rivya.Sdk src/Rivya.Sdk.Testing); fi

header='#nullable enable'
for project in "${projects[@]}"; do
  name=$(basename "$project")
  tfms=$(dotnet msbuild "$project/$name.csproj" -getProperty:TargetFrameworks | tr ';' ' ')
  work=$(mktemp -d)
  echo "$header" > "$project/PublicAPI.Unshipped.txt"
  rm -rf "$project/PublicAPI"
  for tfm in $tfms; do
    echo "==> $name $tfm"
    # Not 'set -e' on the build: with RS0016 as a warning it succeeds, but a real compile error must show.
    dotnet build "$project/$name.csproj" -f "$tfm" --no-incremental -p:TreatWarningsAsErrors=false \
      -p:WarningsAsErrors= 2>&1 \
      | grep -oE "warning RS0016: Symbol '[^']+'" | sed -E "s/^warning RS0016: Symbol '(.*)'$/\1/" \
      | LC_ALL=C sort -u > "$work/$tfm.txt" || true
    if [ ! -s "$work/$tfm.txt" ]; then
      echo "!! no public symbols found for $name $tfm: did the build fail?" >&2
      exit 1
    fi
  done
  # Lines in every framework's listing are shared.
  set -- $tfms
  cp "$work/$1.txt" "$work/common.txt"
  for tfm in $tfms; do
    LC_ALL=C comm -12 "$work/common.txt" "$work/$tfm.txt" > "$work/next.txt"
    mv "$work/next.txt" "$work/common.txt"
  done
  { echo "$header"; cat "$work/common.txt"; } > "$project/PublicAPI.Unshipped.txt"
  for tfm in $tfms; do
    LC_ALL=C comm -23 "$work/$tfm.txt" "$work/common.txt" > "$work/only.txt"
    if [ -s "$work/only.txt" ]; then
      mkdir -p "$project/PublicAPI/$tfm"
      echo "$header" > "$project/PublicAPI/$tfm/PublicAPI.Shipped.txt"
      { echo "$header"; cat "$work/only.txt"; } > "$project/PublicAPI/$tfm/PublicAPI.Unshipped.txt"
    fi
  done
  rm -rf "$work"
done
echo "Done: review 'git diff -- \"*PublicAPI*\"', then build."
