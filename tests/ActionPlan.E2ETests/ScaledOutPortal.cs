using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActionPlan.Data.Entities;
using ActionPlan.IntegrationTests;
using ActionPlan.Web.Infrastructure;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// Issue #16's deployment in the test run: two instances of the real portal (<c>a</c> and <c>b</c>, separate
/// <c>dotnet ActionPlan.Web.dll</c> processes) on one PostgreSQL database, behind Debian's open-source nginx with
/// cookie affinity (<c>ActionPlanNode</c>), the other instance as backup, and WebSockets passed through.
/// Logs of both instances and nginx land in <see cref="LogFolder"/>.
/// </summary>
public sealed class ScaledOutPortal : IAsyncLifetime
{
    private readonly Dictionary<string, PortalProcess> _instances = new(StringComparer.Ordinal);
    private TestDatabase? _database;
    private NginxProxy? _nginx;
    private IPlaywright? _playwright;

    public static readonly string[] InstanceNames = ["a", "b"];

    /// <summary>The one database both instances use (migrated, seeded, users created before either starts).</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    /// <summary>nginx's address: what a browser in production would open.</summary>
    public Uri NginxAddress => _nginx?.Address ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>This run's folder of logs: <c>a.log</c>, <c>b.log</c> (each process's stdout and stderr) and <c>nginx/</c>.</summary>
    public string LogFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("ACTIONPLAN_TEST_LOGS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "TestResults", "logs"),
        "scale-out-" + DateTime.Now.ToString("HHmmss-fff", CultureInfo.InvariantCulture));

    /// <summary>The instance named <paramref name="name"/> (<c>a</c> or <c>b</c>).</summary>
    public PortalProcess Instance(string name) =>
        _instances.TryGetValue(name, out var instance) ? instance : throw new ArgumentException($"No instance '{name}'; there are {string.Join(", ", _instances.Keys)}.", nameof(name));

    public async Task InitializeAsync()
    {
        try
        {
            Directory.CreateDirectory(LogFolder);
            _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            await PrepareDatabaseAsync(_database);

            var web = PortalProcess.WebAssembly();
            foreach (var name in InstanceNames)
            {
                _instances[name] = new PortalProcess(name, web, _database.ConnectionString, FreePort(), Path.Combine(LogFolder, name + ".log"));
            }

            // Both at once, as after a deployment; the start-up advisory lock serialises their (no-op) migration.
            await Task.WhenAll(_instances.Values.Select(i => i.StartAsync()));
            _nginx = await NginxProxy.StartAsync(Path.Combine(LogFolder, "nginx"), FreePort(), Instance("a").Port, Instance("b").Port);

            _playwright = await Playwright.CreateAsync();
            Browser = await BrowserPortal.LaunchChromiumAsync(_playwright);
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: no process may outlive the run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Migrates and seeds the database once, with an in-process portal (as BrowserPortal's), and creates the accounts;
    /// its start also writes the data-protection key both instances then share from the database.
    /// </summary>
    private static async Task PrepareDatabaseAsync(TestDatabase database)
    {
        await using var portal = new PortalFactory(database) { Settings = { ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false" } };
        portal.CreateClient().Dispose();
        await portal.CreateUserAsync("office1", Roles.Office);
        await portal.CreateUserAsync("admin1", Roles.Admin);
        await portal.CreateUserAsync("leader1", Roles.Leadership);
        await portal.CreateUserAsync("unit1", Roles.LeadUnit, "省市场监管局");
    }

    /// <summary>A fresh browser context whose affinity cookie names <paramref name="instance"/>, signed in through nginx as <paramref name="userName"/>.</summary>
    public async Task<IPage> NewPageOnAsync(string instance, string userName, string password = PortalFactory.Password)
    {
        _ = Instance(instance);
        var context = await BrowserPortal.NewDesktopContextAsync(Browser);
        await PinAsync(context, instance);
        var page = await context.NewPageAsync();
        await BrowserPortal.SignInOnAsync(page, NginxAddress, userName, password);
        return page;
    }

    /// <summary>Sets the affinity cookie of <paramref name="context"/> to <paramref name="instance"/> (replacing the one the portal set).</summary>
    public Task PinAsync(IBrowserContext context, string instance) =>
        context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = InstanceAffinityMiddleware.CookieName,
            Value = instance,
            Url = NginxAddress.ToString(),
            HttpOnly = true,
            SameSite = SameSiteAttribute.Lax,
        }]);

    /// <summary>
    /// Waits until nginx sends a request pinned to <paramref name="instance"/> to it again. After a failure nginx skips the
    /// server for <c>fail_timeout</c> (5 s) and sends its visitors to the backup, which re-pins them to itself: a restarted
    /// instance gets new visitors only after that.
    /// </summary>
    public async Task WaitUntilNginxRoutesToAsync(string instance, TimeSpan? timeout = null)
    {
        _ = Instance(instance);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = NginxAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var last = "";
        while (DateTime.UtcNow < until)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "health/ready");
            request.Headers.Add("Cookie", $"{InstanceAffinityMiddleware.CookieName}={instance}");
            using var response = await client.SendAsync(request);
            last = response.Headers.TryGetValues(InstanceAffinityMiddleware.HeaderName, out var names) ? string.Join(",", names) : $"no instance ({(int)response.StatusCode})";
            if (last == instance)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"nginx still routes a visitor pinned to {instance} to {last}; see {Path.Combine(LogFolder, "nginx")}.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        // Processes first, each on its own: one failing step must not leave the others running.
        foreach (var instance in _instances.Values)
        {
            instance.Dispose();
        }

        _nginx?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>One instance of the portal as its own OS process, on a fixed 127.0.0.1 port (kept across restarts: nginx names it).</summary>
public sealed class PortalProcess(string name, string webAssembly, string connectionString, int port, string logPath) : IDisposable
{
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    public string Name => name;
    public int Port => port;
    public string LogPath => logPath;

    /// <summary>The instance's own address, past nginx.</summary>
    public Uri Address { get; } = new($"http://127.0.0.1:{port}/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// <c>src/ActionPlan.Web/bin/&lt;Configuration&gt;/net10.0/ActionPlan.Web.dll</c> of this checkout, in the configuration the
    /// tests were built in (this project references the web project, so it is built with it).
    /// </summary>
    public static string WebAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ActionPlan.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException($"ActionPlan.sln not found above {AppContext.BaseDirectory}."),
            "src", "ActionPlan.Web", "bin", configuration, testBin.Name, "ActionPlan.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found; build the solution first.");
    }

    /// <summary>Starts the process (again, after <see cref="Kill"/>) and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Instance {name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webAssembly);
        foreach (var (key, value) in Settings())
        {
            start.Environment[key] = value;
        }

        _process?.Dispose();
        _log ??= new StreamWriter(logPath, append: true) { AutoFlush = true };
        Write($"---- start {DateTime.Now:HH:mm:ss.fff}: dotnet {webAssembly} on {Address}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data is null ? null : "stderr: " + e.Data);
        process.Exited += (_, _) => Write($"---- exited {DateTime.Now:HH:mm:ss.fff}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Instance {name} exited with {process.ExitCode} while starting; see {logPath}:\n{LogTail()}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(Address, "health/ready"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Kill();
        throw new TimeoutException($"Instance {name} was not ready within 60 s; see {logPath}:\n{LogTail()}");
    }

    /// <summary>
    /// The settings of a deployed instance, as environment variables. Development, because only there does the portal
    /// serve static web assets (blazor.web.js, MudBlazor's _content) from the build output rather than a publish folder;
    /// the Development appsettings' demo data and fixed clock are switched back to what the other tests use.
    /// </summary>
    private Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Instance__Name"] = name,
        ["Database__Provider"] = nameof(DatabaseProvider.Postgres),
        ["ConnectionStrings__ActionPlan"] = connectionString,
        ["Seed__PlanDirectory"] = PortalFactory.SeedFolder,
        ["Seed__AdminPassword"] = PortalFactory.Password,
        ["Seed__DemoUsers"] = "false",
        ["Seed__DemoHistory"] = "false",
        ["Clock__Today"] = "",
        // Every browser of the test comes from 127.0.0.1 through nginx: one rate-limit partition.
        ["Security__SignInAttemptsPerMinute"] = "1000",
        ["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetDirectoryName(logPath)!, name + "-serilog-.log"),
    };

    /// <summary>SIGKILL (on Linux <c>Kill(entireProcessTree: true)</c> sends it): no shutdown, open circuits and sockets just vanish.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The last lines of the process's output, for a failure message.</summary>
    public string LogTail(int lines = 40)
    {
        lock (_logLock)
        {
            _log?.Flush();
        }

        using var reader = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(reader).ReadToEnd().Split('\n');
        return string.Join('\n', text.TakeLast(lines));
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }
}

/// <summary>
/// Debian's open-source nginx in front of the two instances, from a config of its own in <c>folder</c> (logs and temp
/// files there too), in the foreground. Runs as a normal user or as root (CI): as root its workers stay root, because
/// the folder is private to the user that runs the tests.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;

    private NginxProxy(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        Folder = folder;
    }

    public Uri Address { get; }

    public string Folder { get; }

    public static string Executable() =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx not found (/usr/sbin/nginx); run ./test.sh, which installs Debian's nginx.");

    public static async Task<NginxProxy> StartAsync(string folder, int port, int portA, int portB)
    {
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(folder, port, portA, portB));

        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // -e: the start-up error log before the config is read (the default under /var/log is root's).
        foreach (var arg in new[] { "-e", Path.Combine(folder, "error.log"), "-p", folder, "-c", config, "-g", $"daemon off; pid \"{Path.Combine(folder, "nginx.pid")}\";" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await output}\n{log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new NginxProxy(process, address, folder);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("nginx did not listen within 15 s.");
    }

    /// <summary>
    /// Affinity by the portal's <c>ActionPlanNode</c> cookie: <c>a</c> → node_a (b as backup), <c>b</c> → node_b (a as
    /// backup), none → round robin over both. A refused connection marks the server failed for 5 s and the request goes
    /// on to the next server; the instance that then answers sets the cookie to itself. <c>Host $http_host</c> (with the
    /// port), not <c>$host</c>: the portal builds absolute sign-in redirects from it.
    /// </summary>
    public static string Config(string folder, int port, int portA, int portB)
    {
        string In(string name) => "\"" + Path.Combine(folder, name) + "\"";
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}worker_processes 1;
            error_log {{In("error.log")}} info;
            events { worker_connections 1024; }
            http {
                log_format routed '$time_local "$request" $status node=$cookie_ActionPlanNode backend=$backend upstream=$upstream_addr $upstream_status $request_time';
                access_log {{In("access.log")}} routed;
                client_body_temp_path {{In("temp/body")}};
                proxy_temp_path {{In("temp/proxy")}};
                fastcgi_temp_path {{In("temp/fastcgi")}};
                uwsgi_temp_path {{In("temp/uwsgi")}};
                scgi_temp_path {{In("temp/scgi")}};

                upstream pool   { server 127.0.0.1:{{portA}} max_fails=1 fail_timeout=5s; server 127.0.0.1:{{portB}} max_fails=1 fail_timeout=5s; }
                upstream node_a { server 127.0.0.1:{{portA}} max_fails=1 fail_timeout=5s; server 127.0.0.1:{{portB}} backup; }
                upstream node_b { server 127.0.0.1:{{portB}} max_fails=1 fail_timeout=5s; server 127.0.0.1:{{portA}} backup; }

                map $cookie_ActionPlanNode $backend { a node_a; b node_b; default pool; }
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }

                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://$backend;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 1h;
                        proxy_next_upstream error timeout;
                    }
                }
            }
            """;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // The whole tree: the worker would otherwise keep the port after its master is gone.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
