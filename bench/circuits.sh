#!/usr/bin/env bash
# Blazor Server circuits driven headless by bench/CircuitDriver (no browser): the scenario (sign in, 任务清单, a
# search, a task, the leader's 总览), memory per idle circuit on 任务清单 and 总览 against the Blazor template (its
# /counter: the template's home page is static and opens no circuit), then capacity (circuits on 任务清单, a share of them searching every 10 s, p95 per step). The portal runs
# published Release on PostgreSQL with the demo accounts and the demo history (environment Staging: Production's
# settings except that the demo history may play), as of 2022-06-20. Called by bench/run.sh circuits with
# ACTIONPLAN_BENCH_POSTGRES set. Run it alone on the machine: flock /tmp/actionplan-build.lock bench/run.sh circuits
#   [--scenario-only] [--count N (memory, default 200)] [--steps 250,500,… (capacity)] [--active 0.2] [--no-capacity] [--no-memory] [--dump-html FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
dump_html='' count=200 steps=250,500,1000,1500,2000,3000 active=0.2 scenario_only=0 capacity=1 memory=1 window=40
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario-only) scenario_only=1 ;;
    --no-capacity) capacity=0 ;;
    --no-memory) memory=0 ;;
    --count) count=$2; shift ;;
    --steps) steps=$2; shift ;;
    --active) active=$2; shift ;;
    --window) window=$2; shift ;;
    --dump-html) dump_html=$2; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
bench_without_wrk=1
source bench/lib.sh
ulimit -n "$(ulimit -Hn)"

dotnet publish -c Release -o "$work/portal" src/ActionPlan.Web >/dev/null
dotnet publish -c Release -o "$work/driver" bench/CircuitDriver >/dev/null
driver() { dotnet "$work/driver/CircuitDriver.dll" "$@"; }
pg_port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$ACTIONPLAN_BENCH_POSTGRES")
psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE ap_circuits_bench'
portal_port=$(free_port)
(cd "$work/portal" && ASPNETCORE_URLS="http://127.0.0.1:$portal_port" ASPNETCORE_ENVIRONMENT=Staging \
  Database__Provider=Postgres ConnectionStrings__ActionPlan="$ACTIONPLAN_BENCH_POSTGRES;Database=ap_circuits_bench" \
  Seed__DemoUsers=true Seed__DemoHistory=true Seed__DemoPassword='Bench@2022!' Clock__Today=2022-06-20 DeadlineWatch__Enabled=false \
  exec dotnet ActionPlan.Web.dll >"$work/portal.log" 2>&1) &
pids+=($!)
portal_pid=$!
(wait_up "http://127.0.0.1:$portal_port/health/ready") || { tail -40 "$work/portal.log" >&2; exit 1; }
portal="http://127.0.0.1:$portal_port/"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB; the driver and the server share it"

if [ "$scenario_only" -eq 1 ]; then
  driver scenario --url "$portal" ${dump_html:+--dump-html "$dump_html"}
  exit 0
fi
if [ "$memory" -eq 1 ]; then
start_template
template_pid=${pids[-1]}  # its subshell exec'd dotnet, so this is the server's own process
driver scenario --url "$portal" --template-url "http://127.0.0.1:$template_port/"

# dotnet-gcdump forces a full GC and reports the live heap: the memory a circuit keeps, without GC slack.
dotnet tool install dotnet-gcdump --tool-path "$work/tools" >/dev/null
gcdump="$work/tools/dotnet-gcdump"
# The heap reports (types by size) and the portal's log stay after the run, for a look at what a circuit holds.
reports=${TMPDIR:-/tmp}/actionplan-circuits
mkdir -p "$reports"
echo "memory per idle circuit ($count circuits each, after 10 warm-up circuits; server GC heap after a forced full GC, and RSS)"
driver memory --url "http://127.0.0.1:$template_port/" --pid "$template_pid" --path counter --count "$count" --gcdump "$gcdump" --label template | tee "$work/memory"
driver memory --url "$portal" --pid "$portal_pid" --path tasks --user office --count "$count" --gcdump "$gcdump" --label tasks --report "$reports/tasks.report" | tee -a "$work/memory"
driver memory --url "$portal" --pid "$portal_pid" --path not-found --user office --count "$count" --gcdump "$gcdump" --label empty --report "$reports/empty.report" | tee -a "$work/memory"
driver memory --url "$portal" --pid "$portal_pid" --path dashboard --user leader --count "$count" --gcdump "$gcdump" --label dashboard --report "$reports/dashboard.report" | tee -a "$work/memory"
python3 - "$work/memory" <<'PY'
import re, sys
rows = {}
for line in open(sys.argv[1]):
    if line.startswith("MEMORY"):
        fields = dict(f.split("=", 1) for f in line.split()[2:])
        rows[line.split()[1]] = fields
t = float(rows["template"]["heap_mb_per_circuit"])
tr = float(rows["template"]["rss_mb_per_circuit"])
print("| page | GC heap per circuit, MB | × template | RSS per circuit, MB | × template |")
print("|---|---|---|---|---|")
for name, label in (("template", "template /counter (its only interactive page)"), ("empty", "this portal's trivial page /not-found (layout only, office)"), ("tasks", "任务清单 (office)"), ("dashboard", "总览 (leader)")):
    h, r = float(rows[name]["heap_mb_per_circuit"]), float(rows[name]["rss_mb_per_circuit"])
    print(f"| {label} | {h:.3f} | {h / t:.1f} | {r:.3f} | {r / tr:.1f} |")
PY
echo "largest types on the portal's heap with the 任务清单 circuits open (all reports in $reports):"
# The report's first column is the size of one object of the type: weigh it by the count.
awk 'NR > 4 && $1 ~ /^[0-9,]+$/ { b = $1; c = $2; gsub(",", "", b); gsub(",", "", c); $1 = $2 = ""; printf "%10.1f MB %9d %s\n", b * c / 1048576, c, $0 }' "$reports/tasks.report" | sort -n -r | head -15 || true  # head closes the pipe early
kill "${pids[-1]}" 2>/dev/null || true  # the template is done; its memory and CPU stay out of the capacity run
else
  driver scenario --url "$portal"
fi

if [ "$capacity" -eq 1 ]; then
  driver capacity --url "$portal" --pid "$portal_pid" --steps "$steps" --active "$active" --window "$window"
fi
cp "$work/portal.log" "${reports:-/tmp}/portal.log" 2>/dev/null || true
if grep -q ' ERR\| FTL' "$work/portal.log"; then echo "the portal logged errors:" >&2; { grep ' ERR\| FTL' "$work/portal.log" | head -5 >&2 || true; }; fi
