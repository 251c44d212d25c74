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
command -v wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d /tmp/actionplan-bench-http.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

# The portal (Release, Production settings) on the synthetic plan, as of 2022-06-20.
dotnet publish -c Release -o "$work/portal" src/ActionPlan.Web >/dev/null
portal_port=$(free_port)
(cd "$work/portal" && ASPNETCORE_URLS="http://127.0.0.1:$portal_port" ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Postgres ConnectionStrings__ActionPlan="$ACTIONPLAN_BENCH_POSTGRES;Database=$db" \
  Seed__ImportPlans=false Seed__DemoUsers=true Seed__DemoPassword='Bench@2022!' Clock__Today=2022-06-20 DeadlineWatch__Enabled=false \
  exec dotnet ActionPlan.Web.dll >"$work/portal.log" 2>&1) &
pids+=($!)

# The Blazor Web App template (interactive server), unchanged, published the same way.
dotnet new blazor --interactivity Server --no-restore -o "$work/template" -n TemplateHome >/dev/null
# Keep the repository's Directory.*.props out of the template's build.
echo '<Project />' >"$work/Directory.Build.props"; echo '<Project />' >"$work/Directory.Packages.props"
dotnet publish -c Release -o "$work/template-out" "$work/template" >/dev/null
template_port=$(free_port)
(cd "$work/template-out" && ASPNETCORE_URLS="http://127.0.0.1:$template_port" ASPNETCORE_ENVIRONMENT=Production exec dotnet TemplateHome.dll >"$work/template.log" 2>&1) &
pids+=($!)

wait_up "http://127.0.0.1:$template_port/"
wait_up "http://127.0.0.1:$portal_port/health/ready"

# Sign in as the demo leadership user through the form (antiforgery token and cookie), keep the auth cookie.
jar="$work/cookies"
token=$(curl -fs -c "$jar" "http://127.0.0.1:$portal_port/account/login" | grep -o '<input[^>]*__RequestVerificationToken[^>]*>' | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode userName=leader \
  --data-urlencode 'password=Bench@2022!' "http://127.0.0.1:$portal_port/account/sign-in"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
page=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard")
echo "$page" | grep -q '按领域' || { echo "the dashboard did not render for the signed-in leader" >&2; exit 1; }
echo "dashboard page: $(echo "$page" | wc -c) bytes; template home page: $(curl -fs "http://127.0.0.1:$template_port/" | wc -c) bytes"

# wrk on loopback, 2 threads, 16 connections, 10 s per run after a 5 s warm-up; three alternating rounds.
rps() { wrk -t2 -c16 -d"$1" "${@:2}" | awk '/Requests\/sec/ { print $2 }'; }
rps 5s "http://127.0.0.1:$template_port/" >/dev/null
rps 5s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard" >/dev/null
template=(); dashboard=()
for round in 1 2 3; do
  template+=("$(rps 10s "http://127.0.0.1:$template_port/")")
  dashboard+=("$(rps 10s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard")")
  echo "round $round: template home ${template[-1]} req/s, dashboard ${dashboard[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
t=$(median "${template[@]}"); d=$(median "${dashboard[@]}")
python3 -c "print(f'median: template home {float(\"$t\"):,.0f} req/s, prerendered dashboard {float(\"$d\"):,.0f} req/s, ratio {float(\"$d\")/float(\"$t\"):.0%}')"
grep -c ' ERR\| FTL' "$work/portal.log" >/dev/null && { echo "portal log has errors:" >&2; grep ' ERR\| FTL' "$work/portal.log" | head -5 >&2; } || true
