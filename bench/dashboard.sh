#!/usr/bin/env bash
# Called by bench/run.sh dashboard with ACTIONPLAN_BENCH_POSTGRES set: query medians, then throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
http=1
args=()
for a in "$@"; do if [ "$a" = --no-http ]; then http=0; else args+=("$a"); fi; done
db=ap_dashboard_bench
dotnet run -c Release --project bench/DashboardBench -- --keep "$db" "${args[@]}"
[ "$http" -eq 1 ] || exit 0
source bench/lib.sh

# The portal (Release, Production settings) on the synthetic plan, as of 2022-06-20.
dotnet publish -c Release -o "$work/portal" src/ActionPlan.Web >/dev/null
portal_port=$(free_port)
(cd "$work/portal" && ASPNETCORE_URLS="http://127.0.0.1:$portal_port" ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Postgres ConnectionStrings__ActionPlan="$ACTIONPLAN_BENCH_POSTGRES;Database=$db" \
  Seed__ImportPlans=false Seed__DemoUsers=true Seed__DemoPassword='Bench@2022!' Clock__Today=2022-06-20 DeadlineWatch__Enabled=false \
  exec dotnet ActionPlan.Web.dll >"$work/portal.log" 2>&1) &
pids+=($!)

start_template
wait_up "http://127.0.0.1:$portal_port/health/ready"

cookie=$(sign_in)
page=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard")
grep -q '按领域' <<<"$page" || { echo "the dashboard did not render for the signed-in leader" >&2; tail -20 "$work/portal.log" >&2; exit 1; }
echo "page sizes: dashboard $(wc -c <<<"$page") bytes, this app's not-found page $(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/not-found" | wc -c) bytes, template home page $(curl -fs "http://127.0.0.1:$template_port/" | wc -c) bytes"

# wrk on loopback, 2 threads, 16 connections. Warm-up, then three rounds of 8 s per page, alternating.
for _ in 1 2; do
  rps 4s "http://127.0.0.1:$template_port/" >/dev/null
  cookie=$(sign_in)
  rps 6s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard" >/dev/null
  rps 4s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/not-found" >/dev/null
done
template=(); trivial=(); dashboard=()
for round in 1 2 3; do
  template+=("$(rps 8s "http://127.0.0.1:$template_port/")")
  cookie=$(sign_in)
  trivial+=("$(rps 8s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/not-found")")
  dashboard+=("$(rps 8s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard")")
  echo "round $round: template home ${template[-1]} req/s, this app's not-found page ${trivial[-1]} req/s, dashboard ${dashboard[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
python3 - "$(median "${template[@]}")" "$(median "${trivial[@]}")" "$(median "${dashboard[@]}")" <<'PY'
import sys
t, p, d = map(float, sys.argv[1:])
print(f"median req/s: Blazor template home page {t:,.0f}; this app's trivial page (/not-found: same layout, sign-in, prerender) {p:,.0f}; prerendered 总览 {d:,.0f}")
print(f"ratios: 总览 / template home page {d / t:.0%}; 总览 / this app's trivial page {d / p:.0%}; trivial page / template home page {p / t:.0%}")
PY
if grep -q ' ERR\| FTL' "$work/portal.log"; then echo "the portal logged errors:" >&2; grep ' ERR\| FTL' "$work/portal.log" | head -5 >&2; fi
