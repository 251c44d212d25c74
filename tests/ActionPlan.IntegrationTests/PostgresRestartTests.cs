using System.Net;
using ActionPlan.Data;
using ActionPlan.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

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
