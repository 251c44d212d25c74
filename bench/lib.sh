# Shared by bench/dashboard.sh, bench/floor.sh and bench/circuits.sh (sourced): a scratch folder $work and the background
# processes in pids, both removed on exit, and the helpers below.
# bench/circuits.sh sets bench_without_wrk: it drives circuits, not wrk.
[ -n "${bench_without_wrk:-}" ] || command -v wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/actionplan-bench-http.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

# wrk on loopback, 2 threads, 16 connections, for $1; prints requests per second.
rps() { wrk -t2 -c16 -d"$1" "${@:2}" | awk '/Requests\/sec/ { print $2 }'; }

# The Blazor Web App template (interactive server), unchanged, published Release and started; sets template_port.
start_template() {
  dotnet new blazor --interactivity Server --no-restore -o "$work/template" -n TemplateHome >/dev/null
  # Keep the repository's Directory.*.props out of the template's build.
  echo '<Project />' >"$work/Directory.Build.props"; echo '<Project />' >"$work/Directory.Packages.props"
  dotnet publish -c Release -o "$work/template-out" "$work/template" >/dev/null
  template_port=$(free_port)
  (cd "$work/template-out" && ASPNETCORE_URLS="http://127.0.0.1:$template_port" ASPNETCORE_ENVIRONMENT=Production exec dotnet TemplateHome.dll >"$work/template.log" 2>&1) &
  pids+=($!)
  wait_up "http://127.0.0.1:$template_port/"
}

# Signs in as the demo leadership user through the form on $portal_port (antiforgery token and cookie) and
# prints the Cookie header. wrk replays one cookie, and a cookie older than Security:SessionValidationInterval
# (1 minute) is re-validated against the database on every request, which a browser never does: sign in
# again before each measurement.
sign_in() {
  local jar="$work/cookies"
  rm -f "$jar"
  local token
  token=$(curl -fs -c "$jar" "http://127.0.0.1:$portal_port/account/login" | grep -o '<input[^>]*__RequestVerificationToken[^>]*>' | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode userName=leader \
    --data-urlencode 'password=Bench@2022!' "http://127.0.0.1:$portal_port/account/sign-in"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"
}
