#!/usr/bin/env bash
# Benchmarks of ActionPlan. Starts a throwaway PostgreSQL like test.sh, then runs each benchmark.
#   bench/run.sh [sizes] [--no-users]   deadline scan at 10,000 and 100,000 milestones
#   bench/run.sh floor [--tasks N] the prerendered 总览 at 100,000 tasks against this portal's empty signed-in page
#                                  (same layout), and what a page can serve at best (empty and stored pages, the
#                                  Blazor template's home page), in the same run
#   bench/run.sh rounds [sizes]    opening a 调度轮次 and one reminder scan at 10,000 and 100,000 tasks
#   bench/run.sh dashboard [--tasks N] [--no-http]
#                                  总览 queries at 100,000 tasks, then wrk: the prerendered /dashboard
#                                  against the Blazor template's home page, in the same run
#   bench/run.sh circuits [--scenario-only] [--count N] [--steps 250,500,…] [--active 0.2]
#                                  headless Blazor circuits (bench/CircuitDriver): the scenario, memory per idle circuit
#                                  on 任务清单 and 总览 against the template's home page, and capacity with p95 latency
set -euo pipefail
cd "$(dirname "$0")/.."
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "PostgreSQL is needed: apt-get install -y postgresql" >&2; exit 1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/actionplan-bench-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
trap 'pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
pg_run "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust -U postgres -E UTF8 >/dev/null
pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
export ACTIONPLAN_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
# Not exec: the trap above must stop the server when the benchmark ends.
case "${1:-}" in
  floor) shift; bench/floor.sh "$@" ;;
  dashboard) shift; bench/dashboard.sh "$@" ;;
  circuits) shift; bench/circuits.sh "$@" ;;
  rounds) shift; dotnet run -c Release --project bench/RoundBench -- "$@" ;;
  *) dotnet run -c Release --project bench/DeadlineScanBench -- "$@" ;;
esac
