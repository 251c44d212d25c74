#!/usr/bin/env bash
# Runs every test of ActionPlan — unit, integration on SQLite and PostgreSQL, browser journeys — and
# ends with one line "N passed, N failed". On a fresh Debian machine it installs what is missing
# (PostgreSQL, Chromium, CJK fonts, poppler-utils for the print-to-PDF check, libreoffice-writer to lay out the
# Word 调度通报, nginx in front of two portal instances) and starts a throwaway PostgreSQL server it owns.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages the tests need.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }

# 2. A PostgreSQL server of our own: a throwaway cluster on a free port, removed on exit.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/actionplan-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
pg_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() { pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
pg_run "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust -U postgres -E UTF8 >/dev/null
pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export ACTIONPLAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true"
echo "PostgreSQL $(basename "$(dirname "$pg_bin")") on port $pg_port"

# 3. Every test project in the solution, with TRX results to count from.
results="$root/TestResults"
rm -rf "$results"
export ACTIONPLAN_CHROMIUM="${ACTIONPLAN_CHROMIUM:-$(command -v chromium)}"
export ACTIONPLAN_SCREENSHOTS="$results/screenshots"
export ACTIONPLAN_TEST_LOGS="$results/logs"
status=0
# -m:1 runs the test projects one after another: browser journeys do not share two cores with the
# integration tests' servers, which made them flaky.
dotnet test ActionPlan.sln -m:1 --logger "trx" --results-directory "$results" "$@" || status=$?

# 4. One closing line, summed over all result files; no result at all is a failure.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); passed=$((passed + ${p:-0}))
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p'); failed=$((failed + ${f:-0}))
  n=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p'); skipped=$((skipped + ${n:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then status=1; echo "No test ran." >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
