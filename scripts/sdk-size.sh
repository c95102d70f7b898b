#!/usr/bin/env bash
# How big src/Rivya.Sdk is, the figures issue 18 reports: all lines, code lines (not blank, not a // or /// comment),
# characters, and lines over 140 characters (so a cut made by joining lines shows up).
# Usage: scripts/sdk-size.sh [folder]   (default src/Rivya.Sdk)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/Rivya.Sdk}
mapfile -d '' files < <(find "$dir" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -print0)
lines=$(cat "${files[@]}" | wc -l)
code=$(cat "${files[@]}" | grep -vE '^\s*$' | grep -cvE '^\s*//')
chars=$(cat "${files[@]}" | wc -c)
long=$(awk 'length > 140' "${files[@]}" | wc -l)
echo "$dir: $lines lines, $code code lines, $chars characters, $long lines over 140 characters, ${#files[@]} files"
