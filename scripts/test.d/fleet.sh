#!/usr/bin/env bash
# samples/WebApp: its routes in-process, then the fleet test: two workers and a web process on a throwaway PostgreSQL,
# one worker killed with SIGKILL while it holds jobs, every video made, downloaded and paid exactly once.
# PostgreSQL comes from the system's packages (installed here when missing: apt-get, as root); the cluster lives in a
# temporary folder on a free loopback port and is stopped and removed at the end, whatever happens. Where PostgreSQL
# cannot be installed, the fleet test is skipped with a message saying so (the route tests still run).
# ./test.sh runs this as a step; results go to artifacts/test-results/fleet.trx, the numbers to fleet.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."

results=$PWD/artifacts/test-results
mkdir -p "$results"
trx=(--logger "trx;LogFileName=$results/fleet.trx")
project=tests/Rivya.WebApp.FleetTests

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin=$(postgres_bin)
if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "--> installing PostgreSQL: apt-get update && apt-get install -y postgresql"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq postgresql; } >"$results/fleet-apt.log" 2>&1; then
    echo "    apt-get failed; its output: $results/fleet-apt.log"
  fi
  bin=$(postgres_bin)
fi

if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "SKIP fleet test: PostgreSQL is not installed and could not be installed here (needs root and apt-get)."
  echo "     Running the web app's route tests only."
  dotnet test "$project" --filter "Category!=Fleet" "${trx[@]}"
  exit $?
fi

# initdb refuses to run as root: the cluster belongs to the postgres user (made by the package) when we are root.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cluster=$(mktemp -d /tmp/rivya-fleet-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$cluster"
stop_cluster() {
  as_postgres "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$cluster"
}
trap stop_cluster EXIT

# A free loopback port: one nothing answers on.
port=""
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "FAIL fleet: no free loopback port found"; exit 1; }

echo "--> PostgreSQL ($bin): throwaway cluster in $cluster on 127.0.0.1:$port"
export TZ=UTC
if ! as_postgres "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --no-locale >"$cluster/initdb.log" 2>&1; then
  echo "FAIL fleet: initdb failed:"; cat "$cluster/initdb.log"; exit 1
fi
# Three processes of ten Hangfire workers each, plus their schedulers: more than the default 100 connections.
if ! as_postgres "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null; then
  echo "FAIL fleet: PostgreSQL did not start:"; cat "$cluster/server.log"; exit 1
fi

rm -f "$results/fleet.txt"
FLEET_PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
FLEET_REPORT="$results/fleet.txt" \
  dotnet test "$project" "${trx[@]}"
status=$?
[ -f "$results/fleet.txt" ] && sed 's/^/    /' "$results/fleet.txt"
exit $status
