#!/usr/bin/env bash
# Runs every sample offline: RIVYA_API_KEY unset, so each starts the in-process FakeRivyaServer (loopback only, no
# credits). A sample passes when it exits 0 within the time limit and prints its success line. ./test.sh runs this as
# a step; it also writes artifacts/test-results/samples.trx so the suite's "N passed, N failed" counts the samples.
set -uo pipefail
cd "$(dirname "$0")/../.."
# The samples are built with every check, and run from that build: no quickstart fast path (Directory.Build.props).
export RIVYA_FULL_BUILD=1

limit=120
results=artifacts/test-results
# The line each sample prints when it has done its job (an extended regular expression).
declare -A expected=(
  [Quickstart]='^Downloaded [1-9][0-9]* bytes to .+\.mp4$'
  [ImageToVideo]='^Downloaded [1-9][0-9]* bytes to .+\.mp4$'
  [Batch]='^4 of 4 generations succeeded\.$'
  [DependencyInjection]='Generation [^ ]+ succeeded: http://127\.0\.0\.1:[0-9]+/'
)

# Servers run until stopped, not programs that end: FakeRivyaHost is used by scripts/test.d/cli.sh and fleet.sh,
# WebApp is tested by fleet.sh (its routes in-process, then a fleet on PostgreSQL).
declare -A servers=([WebApp]=1 [FakeRivyaHost]=1)

samples=()
for project in samples/*/*.csproj; do
  name=$(basename "$(dirname "$project")")
  [ -n "${servers[$name]:-}" ] || samples+=("$name")
done

passed=0; failed=0; trx_results=""
record() { # name, outcome (Passed|Failed), milliseconds
  local duration
  duration=$(printf '00:%02d:%02d.%03d' $(($3 / 60000)) $(($3 / 1000 % 60)) $(($3 % 1000)))
  trx_results+="    <UnitTestResult testName=\"sample $1\" outcome=\"$2\" duration=\"$duration\" />"$'\n'
  if [ "$2" = Passed ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

write_trx() {
  mkdir -p "$results"
  local outcome=Completed
  [ "$failed" -eq 0 ] || outcome=Failed
  cat >"$results/samples.trx" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<TestRun name="samples" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Results>
$trx_results  </Results>
  <ResultSummary outcome="$outcome">
    <Counters total="$((passed + failed))" executed="$((passed + failed))" passed="$passed" failed="$failed" />
  </ResultSummary>
</TestRun>
EOF
}

echo "--> building ${#samples[@]} samples (samples/Samples.slnf)"
if ! dotnet build samples/Samples.slnf -nologo -v quiet; then
  for name in "${samples[@]}"; do
    echo "FAIL sample $name: the samples did not build"
    record "$name" Failed 0
  done
  write_trx
  exit 1
fi

for name in "${samples[@]}"; do
  pattern=${expected[$name]:-}
  start=$(date +%s%N)
  output=$(env -u RIVYA_API_KEY timeout --kill-after=10 "$limit" dotnet run --no-build --project "samples/$name" 2>&1 </dev/null)
  status=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  line=$( [ -n "$pattern" ] && grep -E -m 1 "$pattern" <<<"$output" )
  if [ "$status" -eq 0 ] && [ -n "$line" ]; then
    printf 'ok   sample %-20s %3d.%d s  %s\n' "$name" $((ms / 1000)) $((ms % 1000 / 100)) "$line"
    record "$name" Passed "$ms"
    continue
  fi

  if [ -z "$pattern" ]; then
    reason="no expected line is declared for it in $0"
  elif [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    reason="timed out after $limit s"
  elif [ "$status" -ne 0 ]; then
    reason="exit code $status"
  else
    reason="exit code 0 but no line matched /$pattern/"
  fi
  echo "FAIL sample $name: $reason; its output:"
  sed 's/^/       | /' <<<"$output"
  record "$name" Failed "$ms"
done

write_trx
echo "--> samples: $passed of ${#samples[@]} passed"
[ "$failed" -eq 0 ]
