#!/usr/bin/env bash
# What a page of this portal can serve at best, against the Blazor template's home page, in one run:
# a throwaway copy of the portal gets a few pages that exist only here (an empty page, the same with a
# stored copy of the 总览's HTML, the 总览 itself without interactivity), and wrk measures each.
# SQLite with the real plan (165 tasks), Production settings, as of 2022-06-20. Called by bench/run.sh floor.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

mkdir -p "$work/src"
git archive HEAD | tar -x -C "$work/src"
pages="$work/src/src/ActionPlan.Web/Features/BenchFloor"
mkdir -p "$pages"
cat >"$pages/BareLayout.razor" <<'RAZOR'
@inherits LayoutComponentBase
@Body
RAZOR
cat >"$pages/Stored.cs" <<'CS'
namespace ActionPlan.Web.Features.BenchFloor;
public static class Stored { public static readonly string Html = File.ReadAllText(Environment.GetEnvironmentVariable("BENCH_STORED_HTML")!); }
CS
printf '@page "/bench/empty"\n@layout BareLayout\n<p>空</p>\n' >"$pages/Empty.razor"
printf '@page "/bench/empty-static"\n@layout BareLayout\n@attribute [ExcludeFromInteractiveRouting]\n<p>空</p>\n' >"$pages/EmptyStatic.razor"
printf '@page "/bench/stored"\n@layout BareLayout\n@((MarkupString)Stored.Html)\n' >"$pages/StoredPage.razor"
printf '@page "/bench/stored-static"\n@layout BareLayout\n@attribute [ExcludeFromInteractiveRouting]\n@((MarkupString)Stored.Html)\n' >"$pages/StoredStatic.razor"
sed -e 's#^@page "/dashboard"#@page "/bench/dashboard-static"\n@attribute [ExcludeFromInteractiveRouting]#' \
  src/ActionPlan.Web/Features/Dashboard/Overview.razor >"$pages/DashboardStatic.razor"
dotnet publish -c Release -o "$work/portal" "$work/src/src/ActionPlan.Web" >/dev/null

start_template

# The stored copy: the portal's own prerendered 总览 body, taken from a first start of the same build.
echo '<p>placeholder</p>' >"$work/stored.html"
portal_port=$(free_port)
start_portal() {
  (cd "$work/portal" && ASPNETCORE_URLS="http://127.0.0.1:$portal_port" ASPNETCORE_ENVIRONMENT=Production BENCH_STORED_HTML="$work/stored.html" \
    Database__DataDirectory="$work/data" Seed__DemoUsers=true Seed__DemoPassword='Bench@2022!' Clock__Today=2022-06-20 DeadlineWatch__Enabled=false \
    exec dotnet ActionPlan.Web.dll >>"$work/portal.log" 2>&1) &
  pids+=($!)
  wait_up "http://127.0.0.1:$portal_port/health/ready"
}
start_portal
cookie=$(sign_in)
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard" | python3 -c '
import re, sys
page = sys.stdin.read()
body = page[page.index("<body>") + 6:page.index("</body>")]
body = re.sub(r"<!--Blazor.*?-->", "", body, flags=re.S)
print(re.sub(r"<script.*?</script>", "", body, flags=re.S), end="")' >"$work/stored.html"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
start_portal

paths=(bench/empty-static bench/empty bench/stored-static bench/stored bench/dashboard-static dashboard not-found)
cookie=$(sign_in)
for p in "${paths[@]}"; do
  curl -fs -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/$p" || { echo "/$p did not answer" >&2; tail -20 "$work/portal.log" >&2; exit 1; }
done
echo "page sizes: template home page $(curl -fs "http://127.0.0.1:$template_port/" | wc -c) bytes, stored copy $(wc -c <"$work/stored.html") bytes, dashboard $(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard" | wc -c) bytes"

# Warm-up long enough for tiered compilation, then three rounds of 6 s per page, signing in again before each.
for _ in 1 2 3; do
  rps 5s "http://127.0.0.1:$template_port/" >/dev/null
  cookie=$(sign_in)
  for p in "${paths[@]}"; do rps 3s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/$p" >/dev/null; done
done
for round in 1 2 3; do
  t=$(rps 6s "http://127.0.0.1:$template_port/")
  echo "template $t" >>"$work/rps"
  line="round $round: template $t"
  for p in "${paths[@]}"; do
    cookie=$(sign_in)
    r=$(rps 6s -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/$p")
    echo "$p $r" >>"$work/rps"
    line+=", /$p $r"
  done
  echo "$line req/s"
done
python3 - "$work/rps" <<'PY'
import sys, statistics
runs = {}
for line in open(sys.argv[1]):
    path, value = line.split()
    runs.setdefault(path, []).append(float(value))
template = statistics.median(runs.pop("template"))
labels = {
    "bench/empty-static": "empty page, signed in, no interactivity",
    "bench/empty": "empty page, signed in, interactive prerender",
    "bench/stored-static": "stored copy of the 总览 in an empty page, no interactivity",
    "bench/stored": "stored copy of the 总览 in an empty page, interactive prerender",
    "bench/dashboard-static": "总览 without interactivity",
    "dashboard": "总览 as shipped",
    "not-found": "trivial page as shipped (/not-found)",
}
print(f"median req/s, template home page: {template:,.0f}")
for path, values in runs.items():
    value = statistics.median(values)
    print(f"  {labels[path]:<62} {value:>7,.0f}  {value / template:4.0%} of the template")
PY
