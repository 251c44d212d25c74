using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ActionPlan.IntegrationTests;

/// <summary>The scanner on a real database with a fake clock: levels entered, reminders, idempotence, recipients.</summary>
public abstract class DeadlineScannerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2022, 6, 14, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private PortalFactory _portal = null!;

    protected PortalFactory Portal => _portal;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _database = await TestDatabase.CreateAsync(provider);
        _portal = new PortalFactory(_database)
        {
            // The test drives the scans itself.
            Settings = { ["DeadlineWatch:Enabled"] = "false" },
            Services_ = services => services.AddSingleton<TimeProvider>(_time),
        };
        _portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _database.DisposeAsync();
    }

    private DeadlineScanner Scanner => _portal.Services.GetRequiredService<DeadlineScanner>();

    private void SetToday(int month, int day, int year = 2022) => _time.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    private Task<int> AlertsAsync(int level, int occurrence = 0) =>
        _portal.WithDbAsync(db => db.Alerts.CountAsync(a => a.Level == level && a.Occurrence == occurrence));

    private Task<int> OpenMilestonesDueAsync(DateOnly from, DateOnly to) =>
        _portal.WithDbAsync(db => db.Milestones.CountAsync(m => !m.IsDone && m.Due >= from && m.Due <= to));

    [Fact]
    public async Task Each_level_is_raised_on_the_day_it_is_entered_and_only_once()
    {
        SetToday(6, 14);
        var first = await Scanner.ScanAsync();
        var overdue = await OpenMilestonesDueAsync(DateOnly.MinValue, new DateOnly(2022, 6, 13));
        first.AlertsRaised.Should().Be(overdue, "only what is already overdue; 30 Jun is 16 days away");
        (await AlertsAsync(1)).Should().Be(0);

        (await Scanner.ScanAsync()).Should().Be(new ScanResult(true, 0, 0), "a re-scan the same day writes nothing");

        var june30 = await OpenMilestonesDueAsync(new DateOnly(2022, 6, 30), new DateOnly(2022, 6, 30));
        // (Other alerts on these days are overdue reminders of older milestones: only levels are counted here.)
        SetToday(6, 15);
        await Scanner.ScanAsync();
        (await AlertsAsync(1)).Should().Be(june30, "30 Jun is 15 days away: 临期");

        SetToday(6, 19);
        await Scanner.ScanAsync();
        (await AlertsAsync(2)).Should().Be(0, "6 days away is still 临期");
        SetToday(6, 25);
        await Scanner.ScanAsync();
        (await AlertsAsync(2)).Should().Be(june30, "5 days: 紧急");
        SetToday(6, 30);
        await Scanner.ScanAsync();
        (await AlertsAsync(2)).Should().Be(june30, "still 紧急 on the due day, raised once");
        SetToday(7, 1);
        await Scanner.ScanAsync();
        (await AlertsAsync(3)).Should().Be(june30, "the day after: 逾期 (first overdue alert)");
        // Milestones already long overdue at the first scan get the current reminder only, not a backlog.
        (await _portal.WithDbAsync(db => db.Alerts.Where(a => a.Level == 3).Select(a => a.MilestoneId).Distinct().CountAsync()))
            .Should().Be(await OpenMilestonesDueAsync(DateOnly.MinValue, new DateOnly(2022, 6, 30)));
        (await AlertsAsync(1)).Should().Be(june30, "nothing raised twice");
    }

    [Fact]
    public async Task Overdue_milestones_get_a_reminder_every_seven_days_and_done_ones_none()
    {
        var task16 = await _portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.Number == 16).Select(m => m.Id).SingleAsync()); // 6月底前
        var task13 = await _portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.Number == 13 && m.Position == 0).Select(m => m.Id).SingleAsync()); // 6月底前
        await _portal.WithDbAsync(db => db.Milestones.Where(m => m.Id == task13)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDone, true).SetProperty(m => m.CompletedOn, new DateOnly(2022, 6, 30))));

        foreach (var (month, day) in new[] { (7, 1), (7, 7), (7, 8), (7, 15) })
        {
            SetToday(month, day);
            await Scanner.ScanAsync();
        }

        var alerts = await _portal.WithDbAsync(db => db.Alerts.Where(a => a.MilestoneId == task16 && a.Level == 3).OrderBy(a => a.Occurrence).Select(a => a.Occurrence).ToListAsync());
        alerts.Should().Equal(0, 1, 2);
        (await _portal.WithDbAsync(db => db.Alerts.CountAsync(a => a.MilestoneId == task13))).Should().Be(0, "a done milestone is never flagged");
    }

    [Fact]
    public async Task Alerts_notify_the_office_and_the_tasks_units_only()
    {
        await _portal.CreateUserAsync("office5", Roles.Office);
        await _portal.CreateUserAsync("unit5", Roles.LeadUnit, "省生态环境厅"); // task 16
        await _portal.CreateUserAsync("unit6", Roles.LeadUnit, "山东证监局");   // no deadline at all
        var disabled = await _portal.CreateUserAsync("office6", Roles.Office);
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));

        SetToday(6, 15);
        var result = await Scanner.ScanAsync();

        var digests = await _portal.WithDbAsync(db => db.Notifications
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.AlertCount }).ToListAsync());
        var unitAlerts = await _portal.WithDbAsync(db => db.Alerts.CountAsync(a => a.Milestone.PlanTask.LeadUnits.Any(l => l.LeadUnit.Name == "省生态环境厅")));
        digests.Should().ContainSingle(d => d.UserName == "office5").Which.AlertCount.Should().Be(result.AlertsRaised, "the office hears of every alert");
        digests.Should().ContainSingle(d => d.UserName == "admin").Which.AlertCount.Should().Be(result.AlertsRaised);
        digests.Should().ContainSingle(d => d.UserName == "unit5").Which.AlertCount.Should().Be(unitAlerts, "a unit hears of its own tasks' alerts");
        unitAlerts.Should().BeGreaterThan(0);
        digests.Should().NotContain(d => d.UserName == "unit6" || d.UserName == "office6", "no alert concerns unit6; office6 is disabled");
        result.NotificationsCreated.Should().Be(digests.Count);
        (await _portal.WithDbAsync(db => db.Alerts.CountAsync(a => a.NotifiedOrder == null))).Should().Be(0);

        var again = await Scanner.ScanAsync();
        again.NotificationsCreated.Should().Be(0, "nothing new, no digest");
        var unread = await _portal.Services.GetRequiredService<AlertQueries>().UnreadCountAsync(disabled.Id);
        unread.Should().Be(0);
    }

    [Fact]
    public async Task Two_scans_at_once_raise_each_alert_once()
    {
        SetToday(7, 1);
        var results = await Task.WhenAll(Task.Run(() => Scanner.ScanAsync()), Task.Run(() => Scanner.ScanAsync()));

        var raised = results.Sum(r => r.AlertsRaised);
        var stored = await _portal.WithDbAsync(db => db.Alerts.CountAsync());
        raised.Should().Be(stored);
        (await _portal.WithDbAsync(db => db.Alerts.GroupBy(a => new { a.MilestoneId, a.Level, a.Occurrence }).CountAsync(g => g.Count() > 1))).Should().Be(0);
    }
}

public sealed class SqliteDeadlineScannerTests() : DeadlineScannerTests(DatabaseProvider.Sqlite);

public sealed class PostgresDeadlineScannerTests() : DeadlineScannerTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task The_hosted_scanner_survives_a_database_outage_and_the_host_keeps_serving()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 7, 1, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var portal = new PortalFactory(database) { Services_ = services => services.AddSingleton<TimeProvider>(time) };
        var client = portal.CreateClient();
        var scanner = portal.Services.GetRequiredService<DeadlineScanner>();
        await scanner.Started;
        (await portal.WithDbAsync(db => db.Alerts.CountAsync())).Should().BeGreaterThan(0, "the start-up scan ran");

        await database.DropAsync();
        time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500);

        portal.Log.Text().Should().Contain("Deadline scan failed");
        ((BackgroundService)scanner).ExecuteTask!.IsCompleted.Should().BeFalse("the scanner keeps running for the next tick");
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

/// <summary>A large backlog is raised in bounded batches, one short transaction each, with nothing lost or doubled.</summary>
public sealed class DeadlineScannerBatchTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_backlog_larger_than_one_batch_is_raised_completely_in_several_scans(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database)
        {
            Settings = { ["DeadlineWatch:Enabled"] = "false", ["DeadlineWatch:MaxAlertsPerScan"] = "25" },
            Services_ = services => services.AddSingleton<TimeProvider>(time),
        };
        portal.CreateClient().Dispose();
        var scanner = portal.Services.GetRequiredService<DeadlineScanner>();

        var first = await scanner.ScanAsync();
        first.AlertsRaised.Should().Be(25);
        first.Complete.Should().BeFalse();
        var rest = await scanner.ScanUntilCompleteAsync();

        var stored = await portal.WithDbAsync(db => db.Alerts.CountAsync());
        var expected = await portal.WithDbAsync(db => db.Milestones.CountAsync(m => !m.IsDone && m.Due <= new DateOnly(2022, 12, 16)));
        stored.Should().Be(expected, "every open milestone up to 15 days ahead has its one alert");
        (first.AlertsRaised + rest.AlertsRaised).Should().Be(stored);
        (await portal.WithDbAsync(db => db.Alerts.GroupBy(a => a.MilestoneId).CountAsync(g => g.Count() > 1))).Should().Be(0);
        var officeUnread = await portal.Services.GetRequiredService<AlertQueries>().UnreadCountAsync(
            await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync()));
        officeUnread.Should().Be(stored, "the batches' digests add up to every alert");
    }
}
