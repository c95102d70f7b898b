#!/usr/bin/env bash
# Fails when a source file of the two packages is longer than the limit (default 260 lines: "no file over ~250").
# Usage: scripts/file-size-check.sh [limit]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-260}
over=$(find src -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -print0 | xargs -0 wc -l | grep -v ' total$' | awk -v l="$limit" '$1 > l')
if [ -n "$over" ]; then
  echo "source files over $limit lines (split them by idea):"
  echo "$over"
  exit 1
fi
echo "no source file over $limit lines"
