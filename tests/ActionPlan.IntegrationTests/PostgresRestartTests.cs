using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActionPlan.Data;
using ActionPlan.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// A PostgreSQL server of this test's own (the shared one serves every other test and must not go away), from the
/// same Debian binaries test.sh uses; stopped and started again under a running portal.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Pooling=true;Timeout=5";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql (test.sh installs them).");
        var folder = Directory.CreateTempSubdirectory("actionplan-restart-pg.").FullName;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var server = new PrivatePostgres(bin, folder, port);
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", "postgres", folder);
            }

            await server.PgAsync("initdb", "-D", Path.Combine(folder, "data"), "--auth=trust", "-U", "postgres", "-E", "UTF8");
            await server.StartAgainAsync();
            return server;
        }
    }

    public Task StartAgainAsync() => PgAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "server.log"), "-w",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public Task StopAsync() => PgAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task PgAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

/// <summary>
/// PostgreSQL restarts under a running portal: /health/ready answers 503 while it is down and 200 again once it is
/// back, without restarting the portal; pages render, saves commit and the deadline scan runs again.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private PrivatePostgres _server = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgres.StartAsync();
        _portal = new PortalFactory(await TestDatabase.CreateOnAsync(_server.ConnectionString)) { Settings = { ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false" } };
        _portal.CreateClient().Dispose();
        await _portal.CreateUserAsync("office1", ActionPlan.Data.Entities.Roles.Office);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        try
        {
            await _portal.Database.DisposeAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_portal_survives_a_PostgreSQL_restart_without_restarting_itself()
    {
        using var client = await _portal.ClientAsync("office1");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetStringAsync("/tasks")).Should().Contain("共 <b>165</b> 项任务");

        await _server.StopAsync();
        (await WaitForAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20)))
            .Should().BeTrue("readiness reports the database down");
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process itself is alive");
        var signals = _portal.Services.GetRequiredService<ActionPlan.Web.Infrastructure.InstanceSignals>();
        (await UntilAsync(() => !signals.Listening, TimeSpan.FromSeconds(20))).Should().BeTrue("the signal listener notices its connection gone, so pages poll");

        await _server.StartAgainAsync();
        (await WaitForAsync(client, "/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30)))
            .Should().BeTrue("readiness recovers by itself once the database is back");
        (await UntilAsync(() => signals.Listening, TimeSpan.FromSeconds(30))).Should().BeTrue("the signal listener reconnects by itself");
        (await client.GetStringAsync("/tasks")).Should().Contain("共 <b>165</b> 项任务");

        var contexts = _portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var task = await db.PlanTasks.OrderBy(t => t.Number).FirstAsync();
            task.Progress = 42;
            await db.SaveChangesAsync();
        }

        (await _portal.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Number).Select(t => t.Progress).FirstAsync())).Should().Be(42);
        var scan = await _portal.Services.GetRequiredService<DeadlineScanner>().ScanAsync();
        scan.AlertsRaised.Should().BePositive("the scan runs again after the restart (every 2022 deadline is past)");
    }

    private static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static async Task<bool> WaitForAsync(HttpClient client, string path, HttpStatusCode expected, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == expected)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // The portal answers even without a database; an exception here is a transient transport failure.
            }

            await Task.Delay(250);
        }

        return false;
    }
}
