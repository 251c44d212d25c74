using System.Diagnostics;
using System.Globalization;
using CircuitDriver;

// Headless Blazor Server circuits against a running portal (or the Blazor template); see bench/circuits.sh.
//   scenario --url U [--dump-html F]      sign in as office, 任务清单, a search, a task; leader's 总览; fails loudly on anything unexpected
//   memory   --url U --pid P --path P [--user U] --count N [--gcdump TOOL] [--label L]
//                                         heap and RSS of the server before and after N idle circuits on one page
//   capacity --url U --pid P --steps 250,500,… [--active 0.2] [--interval 10] [--window 40]
//                                         circuits on 任务清单 of which a share searches every interval; p50/p95 per step
var mode = args.FirstOrDefault() ?? "";
string Arg(string name, string fallback) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? fallback;
var url = new Uri(Arg("url", "http://127.0.0.1:5000/").TrimEnd('/') + "/");
var password = Arg("password", "Bench@2022!");
var stats = new CircuitStats();
// One handler (its connection pool) for all page loads of the run, as one browser process would.
using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
var token = cancel.Token;

async Task<PortalHttp> SignedInAsync(string? user)
{
    var http = new PortalHttp(url, handler);
    if (user is not null)
    {
        await http.SignInAsync(user, password, token);
    }

    return http;
}

switch (mode)
{
    case "scenario":
        return await ScenarioAsync();
    case "memory":
        return await MemoryAsync();
    case "capacity":
        return await CapacityAsync();
    default:
        Console.Error.WriteLine("usage: CircuitDriver scenario|memory|capacity --url URL …");
        return 2;
}

async Task<int> ScenarioAsync()
{
    var watch = Stopwatch.StartNew();
    var office = await SignedInAsync("office");
    if (Arg("dump-html", "") is { Length: > 0 } dump)
    {
        // The prerendered 任务清单, to compare a change's markup with the page before it.
        await File.WriteAllTextAsync(dump, (await office.GetPageAsync("tasks", token)).Html, token);
    }

    await using (var circuit = await BlazorCircuit.OpenAsync(office, "tasks", stats, trackDom: true, token))
    {
        await TaskListPage.WaitInteractiveAsync(circuit, token);
        var all = circuit.Read(TaskListPage.ResultCount);
        var links = circuit.Read(TaskListPage.TaskLinks);
        Check(all.StartsWith('共') && links.Count > 0, $"任务清单 shows '{all}' and {links.Count} task links");
        var (href, title) = links[0];
        Console.WriteLine($"任务清单 interactive: '{all}', {links.Count} rows, first '{title}' ({href}) — {watch.ElapsedMilliseconds} ms");

        var term = SearchTerm(title);
        var filtered = await TaskListPage.SearchAsync(circuit, term, null, token);
        var shown = circuit.Read(TaskListPage.TaskLinks);
        Check(filtered.StartsWith("筛选出", StringComparison.Ordinal) && filtered != all.Replace("共", "筛选出", StringComparison.Ordinal) && shown.Any(l => l.Title == title),
            $"searching '{term}' shows '{filtered}' with '{title}' among {shown.Count} rows");
        Check(circuit.Location.Contains("q=", StringComparison.Ordinal), $"the search navigated ({circuit.Location})");
        Console.WriteLine($"search '{term}': '{filtered}', {shown.Count} rows, now at {circuit.Location}");
        var back = await TaskListPage.SearchAsync(circuit, "", all, token);
        Console.WriteLine($"search cleared: '{back}'");

        // A task link is an <a href>: blazor.web.js intercepts the click and the router navigates.
        await circuit.NavigateAsync(href, intercepted: true);
        await circuit.WaitForAsync(() => TaskListPage.Find(circuit.Dom, n => n.Tag == "h1" && n.TextContent().Contains(title, StringComparison.Ordinal)) is not null,
            TimeSpan.FromSeconds(30), $"the task page's heading '{title}'", token);
        Console.WriteLine($"task page {circuit.Location}: heading '{title}'");
    }

    var leader = await SignedInAsync("leader");
    await using (var circuit = await BlazorCircuit.OpenAsync(leader, "dashboard", stats, trackDom: true, token))
    {
        await TaskListPage.WaitInteractiveAsync(circuit, token);
        var text = circuit.Read(TaskListPage.Text);
        Check(text.Contains("按领域", StringComparison.Ordinal), "the 总览 renders its 按领域 table interactively");
        Console.WriteLine($"总览 interactive for leader ({text.Length} characters of text)");
    }

    var template = new PortalHttp(new Uri(Arg("template-url", url.ToString())), handler);
    if (args.Contains("--template-url"))
    {
        // The template's home page is static; its interactive page is the counter.
        await using var circuit = await BlazorCircuit.OpenAsync(template, "counter", stats, trackDom: true, token);
        var button = circuit.Read(dom => TaskListPage.Find(dom, n => n.Tag == "button" && n.Events?.ContainsKey("click") == true))
            ?? throw new InvalidOperationException("The template's counter has no button.");
        await circuit.DispatchEventAsync(button, "click", new { type = "click", detail = 1 });
        await circuit.WaitForAsync(() => circuit.Read(TaskListPage.Text).Contains("Current count: 1", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the template's count 1", token);
        Console.WriteLine("template /counter interactive: a click made 'Current count: 1'");
    }

    Console.WriteLine($"JS calls answered: {string.Join(", ", stats.JsCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value}"))}");
    Check(stats.Errors == 0, $"no circuit errors ({string.Join(", ", stats.ErrorsByKind.Select(e => $"{e.Key} {e.Value}"))})");
    Console.WriteLine($"scenario passed in {watch.Elapsed.TotalSeconds:N1} s");
    return 0;
}

async Task<int> MemoryAsync()
{
    var pid = int.Parse(Arg("pid", "0"), CultureInfo.InvariantCulture);
    var count = int.Parse(Arg("count", "200"), CultureInfo.InvariantCulture);
    var path = Arg("path", "tasks");
    var label = Arg("label", path);
    var gcdump = Arg("gcdump", "");
    var user = Arg("user", "");
    var http = await SignedInAsync(user.Length == 0 ? null : user);
    var circuits = new List<BlazorCircuit>();
    // Warm-up circuits first (JIT, caches, pools), kept open, so the difference is what each further circuit holds.
    circuits.AddRange(await OpenManyAsync(http, path, 10, trackDom: false));
    await Task.Delay(TimeSpan.FromSeconds(3), token);
    var before = await ServerMemory.MeasureAsync(pid, gcdump, token);
    circuits.AddRange(await OpenManyAsync(http, path, count, trackDom: false));
    await Task.Delay(TimeSpan.FromSeconds(5), token);
    var after = await ServerMemory.MeasureAsync(pid, gcdump, token, reportPath: Arg("report", ""));
    var open = circuits.Count(c => !c.Closed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"MEMORY {label} circuits={count} open={open} heap_mb_per_circuit={(after.HeapBytes - before.HeapBytes) / 1048576.0 / count:F3} rss_mb_per_circuit={(after.RssBytes - before.RssBytes) / 1048576.0 / count:F3} heap_mb={before.HeapBytes / 1048576.0:F1}->{after.HeapBytes / 1048576.0:F1} rss_mb={before.RssBytes / 1048576.0:F1}->{after.RssBytes / 1048576.0:F1} errors={stats.Errors}"));
    await Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, _) => await c.DisposeAsync());
    return stats.Errors == 0 && open == circuits.Count ? 0 : 1;
}

async Task<int> CapacityAsync()
{
    var pid = int.Parse(Arg("pid", "0"), CultureInfo.InvariantCulture);
    var steps = Arg("steps", "250,500,1000,1500,2000,3000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    var activeShare = double.Parse(Arg("active", "0.2"), CultureInfo.InvariantCulture);
    var interval = TimeSpan.FromSeconds(double.Parse(Arg("interval", "10"), CultureInfo.InvariantCulture));
    var window = TimeSpan.FromSeconds(double.Parse(Arg("window", "40"), CultureInfo.InvariantCulture));
    var http = await SignedInAsync("office");

    // The two result lines the active circuits alternate between, read once from a first circuit.
    string term, all, filtered;
    await using (var probe = await BlazorCircuit.OpenAsync(http, "tasks", stats, trackDom: true, token))
    {
        await TaskListPage.WaitInteractiveAsync(probe, token);
        all = probe.Read(TaskListPage.ResultCount);
        term = SearchTerm(probe.Read(TaskListPage.TaskLinks)[0].Title);
        filtered = await TaskListPage.SearchAsync(probe, term, null, token);
    }

    var idle = new List<BlazorCircuit>();
    var active = new List<BlazorCircuit>();
    var latencies = new List<double>();
    var measuring = false;
    var actionErrors = 0L;
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
    var loops = new List<Task>();

    // One action per interval per active circuit, from a random offset: type and search, or clear; latency is the
    // click's dispatch to the render batch that shows the new result line.
    async Task ActLoopAsync(BlazorCircuit circuit)
    {
        var searched = false;
        await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() * interval.TotalSeconds), stop.Token);
        while (!stop.IsCancellationRequested && !circuit.Closed)
        {
            var next = DateTime.UtcNow + interval;
            var started = Stopwatch.GetTimestamp();
            try
            {
                await TaskListPage.SearchAsync(circuit, searched ? "" : term, searched ? all : filtered, stop.Token);
                searched = !searched;
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (measuring)
                {
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                }
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                Interlocked.Increment(ref actionErrors);
                stats.Error("action", ex.Message);
                await Task.Delay(interval, stop.Token);
                continue;
            }

            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop.Token);
            }
        }
    }

    Console.WriteLine($"capacity on 任务清单 (office): {activeShare:P0} of the circuits search '{term}' / clear every {interval.TotalSeconds:N0} s; {window.TotalSeconds:N0} s measured per step");
    Console.WriteLine("| circuits | active | actions | p50 ms | p95 ms | max ms | server RSS MB | driver RSS MB | open s | errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    var exit = 0;
    foreach (var target in steps)
    {
        var openWatch = Stopwatch.StartNew();
        var wantActive = (int)Math.Round(target * activeShare);
        var newActive = await OpenManyAsync(http, "tasks", Math.Max(0, wantActive - active.Count), trackDom: true);
        foreach (var circuit in newActive)
        {
            await TaskListPage.WaitInteractiveAsync(circuit, token);
            active.Add(circuit);
            loops.Add(Task.Run(() => ActLoopAsync(circuit)));
        }

        idle.AddRange(await OpenManyAsync(http, "tasks", Math.Max(0, target - wantActive - idle.Count), trackDom: false));
        var openSeconds = openWatch.Elapsed.TotalSeconds;
        // One interval to settle after the opening burst, then the measured window.
        await Task.Delay(interval, token);
        lock (latencies)
        {
            latencies.Clear();
        }

        var errorsBefore = stats.Errors;
        measuring = true;
        await Task.Delay(window, token);
        measuring = false;
        double[] sorted;
        lock (latencies)
        {
            sorted = [.. latencies.Order()];
        }

        var rss = ServerMemory.RssBytes(pid) / 1048576.0;
        var driverRss = Environment.WorkingSet / 1048576.0;
        var open = idle.Count(c => !c.Closed) + active.Count(c => !c.Closed);
        var p95 = Percentile(sorted, 0.95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {open:N0} | {active.Count(c => !c.Closed):N0} | {sorted.Length:N0} | {Percentile(sorted, 0.5):F0} | {p95:F0} | {(sorted.Length > 0 ? sorted[^1] : double.NaN):F0} | {rss:N0} | {driverRss:N0} | {openSeconds:N0} | {stats.Errors - errorsBefore} |"));
        if (p95 > 250 || open < target * 0.99)
        {
            Console.WriteLine(open < target * 0.99 ? $"stopped: only {open} of {target} circuits open" : "stopped: p95 over 250 ms");
            exit = p95 > 250 ? 0 : 1;
            break;
        }
    }

    stop.Cancel();
    await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
    await Parallel.ForEachAsync(idle.Concat(active), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) => await c.DisposeAsync());
    Console.WriteLine($"errors by kind: {(stats.ErrorsByKind.IsEmpty ? "none" : string.Join(", ", stats.ErrorsByKind.Select(e => $"{e.Key} {e.Value}")))}");
    return exit;
}

async Task<List<BlazorCircuit>> OpenManyAsync(PortalHttp http, string path, int count, bool trackDom)
{
    var opened = new List<BlazorCircuit>();
    // A few at a time, as browsers arriving: enough to keep the server busy without a queue of timeouts.
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token }, async (_, ct) =>
    {
        try
        {
            var circuit = await BlazorCircuit.OpenAsync(http, path, stats, trackDom, ct);
            lock (opened)
            {
                opened.Add(circuit);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            stats.Error("open", ex.Message);
        }
    });
    return opened;
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

// Two characters of a title: a search that finds some tasks, not all.
static string SearchTerm(string title) => title.Length >= 4 ? title.Substring(0, 4) : title;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException($"Expected: {what}.");
    }
}
