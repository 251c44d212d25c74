using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// Two portal instances on one PostgreSQL database, as behind a load balancer: a save, a plan change and a scan's
/// alerts on instance A reach instance B through LISTEN/NOTIFY within two seconds, with B's caches set to keep
/// their figures for ten minutes (so only the signal can explain the change).
/// </summary>
public sealed class InstanceSignalTests : IAsyncLifetime
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);
    private TestDatabase _database = null!;
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _a = Instance();
        _a.CreateClient().Dispose();
        _b = Instance();
        _b.CreateClient().Dispose();
        foreach (var instance in new[] { _a, _b })
        {
            var signals = instance.Services.GetRequiredService<InstanceSignals>();
            (await EventuallyAsync(() => Task.FromResult(signals.Listening), TimeSpan.FromSeconds(10))).Should().BeTrue("each instance listens once started");
        }
    }

    private PortalFactory Instance() => new(_database)
    {
        Settings = { ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false", ["Dashboard:CacheSeconds"] = "600" },
    };

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_save_on_one_instance_empties_the_other_instances_figure_cache_within_two_seconds()
    {
        var planId = (await _b.Services.GetRequiredService<CurrentPlan>().GetAsync())!.Id;
        var figuresOnB = _b.Services.GetRequiredService<DashboardQueries>();
        var before = await figuresOnB.LoadAsync(Office, planId);
        var savedOnB = Signalled(handler => _b.Services.GetRequiredService<PlanDataSaved>().Saved += handler);

        await using (var db = await _a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var task = await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Number == 1);
            task.Status.Should().NotBe(PlanTaskStatus.Completed);
            task.Status = PlanTaskStatus.Completed;
            task.Progress = 100;
            await db.SaveChangesAsync();
        }

        await savedOnB.WaitAsync(Within);
        var after = await figuresOnB.LoadAsync(Office, planId);
        after.Tasks.Completed.Should().Be(before.Tasks.Completed + 1, "B's kept figures went with A's signal");
    }

    [Fact]
    public async Task A_save_rolled_back_on_one_instance_sends_nothing()
    {
        var planId = (await _b.Services.GetRequiredService<CurrentPlan>().GetAsync())!.Id;
        var savedOnB = Signalled(handler => _b.Services.GetRequiredService<PlanDataSaved>().Saved += handler);

        await using (var db = await _a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.PlanTasks.SingleAsync(t => t.PlanId == planId && t.Number == 2)).Progress = 55;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var arrived = await Task.WhenAny(savedOnB, Task.Delay(Within)) == savedOnB;
        arrived.Should().BeFalse("PostgreSQL drops a notification of a transaction rolled back");
    }

    [Fact]
    public async Task Archiving_a_plan_on_one_instance_makes_it_read_only_on_the_other_at_once()
    {
        var plansOnB = _b.Services.GetRequiredService<CurrentPlan>();
        var plan = (await plansOnB.GetAsync())!;
        plan.IsArchived.Should().BeFalse();

        await using (var db = await _a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            stored.ArchivedAt = DateTimeOffset.UtcNow;
            stored.ArchivedBy = "office1";
            await db.SaveChangesAsync();
        }

        (await EventuallyAsync(async () => (await plansOnB.GetAsync(plan.Id))!.IsArchived, Within))
            .Should().BeTrue("B forgets its kept plans on A's signal instead of after its minute");
    }

    [Fact]
    public async Task Alerts_raised_by_a_scan_on_one_instance_ring_the_bell_on_the_other()
    {
        var alertsOnB = Signalled(handler => _b.Services.GetRequiredService<AlertFeed>().AlertsRaised += handler);

        var scan = await _a.Services.GetRequiredService<DeadlineScanner>().ScanAsync();
        scan.AlertsRaised.Should().BePositive("every 2022 deadline is past");

        await alertsOnB.WaitAsync(Within);
    }

    /// <summary>A task that completes the first time the subscribed event fires.</summary>
    private static Task Signalled(Action<Action> subscribe)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe(() => fired.TrySetResult());
        return fired.Task;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }
}
