#!/usr/bin/env bash
# The prerendered 总览 at 100,000 tasks against this portal's own empty signed-in page (the same layout, app
# bar, menu and bell, nothing in it), and what a page of this portal can serve at best, in one run. A
# throwaway copy of the portal (the working tree's tracked files) gets a few pages that exist only here: the
# empty page in the real layout, an empty page in a bare layout, the same with a stored copy of the 总览's
# HTML, the 总览 without interactivity. The plan is bench/DashboardBench's synthetic one (100,000 tasks,
# 200,000 milestones) on PostgreSQL with its snapshot, as of 2022-06-20, Production settings.
# Called by bench/run.sh floor with ACTIONPLAN_BENCH_POSTGRES set; extra arguments go to DashboardBench.
set -euo pipefail
cd "$(dirname "$0")/.."
db=ap_floor_bench
dotnet run -c Release --project bench/DashboardBench -- --keep "$db" --seed-only "$@"
source bench/lib.sh

mkdir -p "$work/src"
# git stash create: a commit of the working tree's tracked files (HEAD when nothing is changed), so an
# uncommitted change can be measured before it is committed; untracked files are not in it.
revision=$(git stash create)
git archive "${revision:-HEAD}" | tar -x -C "$work/src"
pages="$work/src/src/ActionPlan.Web/Features/BenchFloor"
mkdir -p "$pages"
cat >"$pages/BareLayout.razor" <<'RAZOR'
@inherits LayoutComponentBase
@Body
RAZOR
cat >"$pages/Stored.cs" <<'CS'
namespace ActionPlan.Web.Features.BenchFloor;
public static class Stored
{
    public static readonly string Html = File.ReadAllText(Environment.GetEnvironmentVariable("BENCH_STORED_HTML")!);
    public static readonly string Content = File.ReadAllText(Environment.GetEnvironmentVariable("BENCH_STORED_HTML")! + ".content");
}
CS
printf '@page "/bench/empty-page"\n' >"$pages/EmptyPage.razor"
printf '@page "/bench/stored-page"\n@((MarkupString)Stored.Content)\n' >"$pages/StoredContentPage.razor"
printf '@page "/bench/empty"\n@layout BareLayout\n<p>空</p>\n' >"$pages/Empty.razor"
printf '@page "/bench/empty-static"\n@layout BareLayout\n@attribute [ExcludeFromInteractiveRouting]\n<p>空</p>\n' >"$pages/EmptyStatic.razor"
printf '@page "/bench/stored"\n@layout BareLayout\n@((MarkupString)Stored.Html)\n' >"$pages/StoredPage.razor"
printf '@page "/bench/stored-static"\n@layout BareLayout\n@attribute [ExcludeFromInteractiveRouting]\n@((MarkupString)Stored.Html)\n' >"$pages/StoredStatic.razor"
sed -e 's#^@page "/dashboard"#@page "/bench/dashboard-static"\n@attribute [ExcludeFromInteractiveRouting]#' \
  src/ActionPlan.Web/Features/Dashboard/Overview.razor >"$pages/DashboardStatic.razor"
dotnet publish -c Release -o "$work/portal" "$work/src/src/ActionPlan.Web" >/dev/null

start_template

# The stored copies, taken from a first start of the same build: the prerendered 总览's whole body (for the bare
# layout), and what the page puts inside the layout's container (for the real layout: the 总览's bytes without its work).
echo '<p>placeholder</p>' >"$work/stored.html"
echo '<p>placeholder</p>' >"$work/stored.html.content"
portal_port=$(free_port)
start_portal() {
  (cd "$work/portal" && ASPNETCORE_URLS="http://127.0.0.1:$portal_port" ASPNETCORE_ENVIRONMENT=Production BENCH_STORED_HTML="$work/stored.html" \
    Database__Provider=Postgres ConnectionStrings__ActionPlan="$ACTIONPLAN_BENCH_POSTGRES;Database=$db" \
    Seed__ImportPlans=false Seed__DemoUsers=true Seed__DemoPassword='Bench@2022!' Clock__Today=2022-06-20 DeadlineWatch__Enabled=false \
    exec dotnet ActionPlan.Web.dll >>"$work/portal.log" 2>&1) &
  pids+=($!)
  wait_up "http://127.0.0.1:$portal_port/health/ready"
}
start_portal
cookie=$(sign_in)
page=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/dashboard")
grep -q '按领域' <<<"$page" || { echo "the dashboard did not render for the signed-in leader" >&2; tail -20 "$work/portal.log" >&2; exit 1; }
python3 -c '
import re, sys
page = sys.stdin.read()
body = page[page.index("<body>") + 6:page.index("</body>")]
body = re.sub(r"<!--Blazor.*?-->", "", body, flags=re.S)
body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
open(sys.argv[1], "w").write(body)
start = body.index(">", body.index("mud-container-maxwidth-xl")) + 1
end = body.rindex("</div></div></div>", 0, body.index("<div id=\"blazor-error-ui\""))
open(sys.argv[1] + ".content", "w").write(body[start:end])' "$work/stored.html" <<<"$page"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
start_portal

# The two pages the goal compares first, side by side in each round.
paths=(bench/empty-page dashboard bench/stored-page not-found bench/empty-static bench/empty bench/stored-static bench/stored bench/dashboard-static)
cookie=$(sign_in)
sizes="template home page $(curl -fs "http://127.0.0.1:$template_port/" | wc -c), stored copy $(wc -c <"$work/stored.html"), stored content $(wc -c <"$work/stored.html.content")"
for p in "${paths[@]}"; do
  size=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$portal_port/$p" | wc -c) || { echo "/$p did not answer" >&2; tail -20 "$work/portal.log" >&2; exit 1; }
  sizes+=", /$p $size"
done
echo "page sizes in bytes: $sizes"

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
median = {path: statistics.median(values) for path, values in runs.items()}
template, empty = median.pop("template"), median["bench/empty-page"]
labels = {
    "bench/empty-page": "this portal's empty page (real layout, signed in, interactive)",
    "dashboard": "总览 as shipped (100,000 tasks)",
    "bench/stored-page": "the 总览's content stored, in the real layout (its bytes, not its work)",
    "not-found": "trivial page as shipped (/not-found)",
    "bench/empty-static": "empty page, bare layout, no interactivity",
    "bench/empty": "empty page, bare layout, interactive prerender",
    "bench/stored-static": "stored copy of the 总览, bare layout, no interactivity",
    "bench/stored": "stored copy of the 总览, bare layout, interactive",
    "bench/dashboard-static": "总览 without interactivity",
}
print(f"median req/s; template home page {template:,.0f}")
for path, value in median.items():
    print(f"  {labels[path]:<72} {value:>7,.0f}  {value / empty:5.0%} of the empty page  {value / template:4.0%} of the template")
ratio = median["dashboard"] / empty
print(f"总览 / this portal's empty page: {ratio:.0%} ({'meets' if ratio >= 0.9 else 'misses'} the 90 % goal)")
PY
if grep -q ' ERR\| FTL' "$work/portal.log"; then echo "the portal logged errors:" >&2; grep ' ERR\| FTL' "$work/portal.log" | head -5 >&2; fi
