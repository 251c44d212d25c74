using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 调度轮次 and 催报 on a small hand-built plan: three tasks in two domains, units 甲 and 乙
/// (T1 甲, T2 甲、乙, T3 乙 in domain 2, T4 without unit), so a round over the plan expects 4 reports.
/// </summary>
public abstract class ReportingRoundTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);
    private static readonly DateOnly Due = new(2022, 6, 25);

    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static PortalClock Clock(DateOnly today) => new(TimeProvider.System, new ClockOptions { Today = today.ToString("yyyy-MM-dd") });

    private RoundNotifier Notifier => new(TimeProvider.System, new AlertFeed(), new OutboxWriter(TimeProvider.System));

    private ReportingRounds Rounds(DateOnly today) => new(Contexts, Clock(today), new AuditWriter(TimeProvider.System), Notifier, NullLogger<ReportingRounds>.Instance);

    private ProgressReports Reports(DateOnly today) => new(Contexts, TimeProvider.System, new AuditWriter(TimeProvider.System), Clock(today), Rounds(today), NullLogger<ProgressReports>.Instance);

    private ReminderScanner Scanner(DateOnly today) =>
        new(Contexts, Clock(today), new ReminderOptions { Steps = "-3,1" }, Notifier, TimeProvider.System, NullLogger<ReminderScanner>.Instance);

    private async Task<HandPlan> PlanAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var plan = new Plan { Title = $"轮次计划{tag}", DocumentNumber = "轮次〔2022〕1号", Year = 2022, SourceHash = tag, SourceName = "hand-built" };
        var d1 = new Domain { Plan = plan, Number = 1, Name = "甲领域" };
        var d2 = new Domain { Plan = plan, Number = 2, Name = "乙领域" };
        var a = new LeadUnit { Name = $"轮次甲单位{tag}" };
        var b = new LeadUnit { Name = $"轮次乙单位{tag}" };
        PlanTask Task(int number, Domain domain, params LeadUnit[] units) => new()
        {
            Plan = plan, Domain = domain, Number = number, Title = $"轮次任务{number}", Text = $"轮次任务{number}",
            LeadUnits = units.Select((u, i) => new PlanTaskLeadUnit { LeadUnit = u, Position = i }).ToList(),
        };
        db.PlanTasks.AddRange(Task(1, d1, a), Task(2, d1, a, b), Task(3, d2, b), Task(4, d2));
        await db.SaveChangesAsync();
        await Portal.CreateUserAsync($"ra{tag}", Roles.LeadUnit, a.Name);
        await Portal.CreateUserAsync($"rb{tag}", Roles.LeadUnit, b.Name);
        return new HandPlan(plan.Id, new AccessScope($"ra{tag}", false, a.Id, false, false), new AccessScope($"rb{tag}", false, b.Id, false, false), a.Id, b.Id, a.Name, b.Name);
    }

    private async Task<int> OpenAsync(HandPlan plan, int? domain = null, string name = "2022年6月调度")
    {
        var input = RoundInput.Monthly(new DateOnly(2022, 6, 1));
        input.Name = name;
        input.DomainNumber = domain;
        var opened = await Rounds(new DateOnly(2022, 6, 1)).OpenAsync(Office, plan.Id, input);
        opened.Succeeded.Should().BeTrue(opened.Message);
        return opened.RoundId!.Value;
    }

    private Task<ReportResult> SubmitAsync(HandPlan plan, AccessScope unit, int task, DateOnly on) =>
        Reports(on).SaveAsync(unit, plan.Id, new ReportInput(null, task, "本月已完成调研。", 30, null, null, [], []), submit: true);

    [Fact]
    public async Task Opening_a_round_expects_one_report_per_task_and_lead_unit()
    {
        var plan = await PlanAsync();

        (await Rounds(Due).PreviewAsync(plan.Id, null)).Should().Be((3, 4), "T1 甲, T2 甲 and 乙, T3 乙; T4 names no unit");
        (await Rounds(Due).PreviewAsync(plan.Id, 2)).Should().Be((1, 1));
        var before = Portal.Commands.Count;
        var all = await OpenAsync(plan);
        var opening = Portal.Commands.TextsAfter(before);
        opening.Split('\n').Count(c => c.Contains("INSERT INTO \"ReportingRounds\"", StringComparison.Ordinal)).Should().Be(1, opening);
        opening.Should().NotContain("INSERT INTO \"RoundSubmissions\"", "opening writes the round alone; what it expects is counted when read");
        var second = await OpenAsync(plan, domain: 2, name: "2022年6月专项调度");

        var rounds = await Rounds(Due).ListAsync(Office, plan.Id);
        rounds.Single(r => r.Id == all).Figures.Should().Be(new RoundFigures(4, 0, 0, 0, 0, 4, 0));
        rounds.Single(r => r.Id == second).Figures.Should().Be(new RoundFigures(1, 0, 0, 0, 0, 1, 0));
        var units = await Rounds(Due).UnitsAsync(Office, all);
        units.Select(u => (u.Unit, u.Figures.Expected)).Should().BeEquivalentTo(new[] { (plan.UnitAName, 2), (plan.UnitBName, 2) });
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ReportingRound" && e.EntityKey == all.ToString() && e.Action == "OpenRound"))).Should().Be(1);
    }

    [Fact]
    public async Task Opening_refuses_bad_input_with_a_message_at_the_field_and_writes_nothing()
    {
        var plan = await PlanAsync();
        var rounds = Rounds(Due);
        var input = RoundInput.Monthly(new DateOnly(2022, 6, 1));
        input.PeriodEnd = new DateTime(2022, 5, 1);

        var refused = await rounds.OpenAsync(Office, plan.Id, input);
        var byLeadership = await rounds.OpenAsync(Leadership, plan.Id, RoundInput.Monthly(new DateOnly(2022, 6, 1)));

        refused.Errors.Should().ContainKey(nameof(RoundInput.PeriodEnd)).WhoseValue.Should().Be("结束日期不能早于开始日期。");
        byLeadership.Succeeded.Should().BeFalse();
        (await rounds.ListAsync(Office, plan.Id)).Should().BeEmpty();
        await OpenAsync(plan);
        (await rounds.OpenAsync(Office, plan.Id, RoundInput.Monthly(new DateOnly(2022, 6, 1)))).Errors.Should().ContainKey(nameof(RoundInput.Name), "the name is taken");
    }

    [Fact]
    public async Task A_late_report_shows_as_late_a_missing_one_as_missing_and_review_moves_the_figures()
    {
        var plan = await PlanAsync();
        var round = await OpenAsync(plan);

        (await SubmitAsync(plan, plan.UnitA, 1, Due)).Succeeded.Should().BeTrue("on the due day is on time");
        (await SubmitAsync(plan, plan.UnitB, 2, Due.AddDays(2))).Succeeded.Should().BeTrue("two days late");
        var onTime = await Portal.WithDbAsync(db => db.ProgressReports.SingleAsync(r => r.PlanTaskId == db.PlanTasks.Single(t => t.PlanId == plan.Id && t.Number == 1).Id));
        (await Reports(Due).ApproveAsync(Office, onTime.Id, onTime.Version)).Succeeded.Should().BeTrue();

        var rounds = Rounds(Due.AddDays(3));
        (await rounds.GetAsync(Office, round))!.Figures.Should().Be(new RoundFigures(Expected: 4, Submitted: 2, Approved: 1, Returned: 0, Waiting: 1, Missing: 2, Late: 1));
        var items = await rounds.ItemsAsync(Office, round);
        items.Single(i => i.TaskNumber == 1).Should().Match<ExpectedReportRow>(i => i.State == ExpectedReportState.Approved && !i.Late);
        items.Single(i => i.TaskNumber == 2 && i.Unit == plan.UnitBName).Should().Match<ExpectedReportRow>(i => i.State == ExpectedReportState.Submitted && i.Late);
        items.Single(i => i.TaskNumber == 2 && i.Unit == plan.UnitAName).MissingPastDue(Due.AddDays(3)).Should().BeTrue();
        items.Single(i => i.TaskNumber == 3).MissingPastDue(Due).Should().BeFalse("not yet past the due day");
        (await Portal.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == onTime.Id).Select(r => r.RoundId).SingleAsync())).Should().Be(round);
    }

    [Fact]
    public async Task After_closing_a_round_new_reports_stay_outside_it_and_late_ones_stay_late()
    {
        var plan = await PlanAsync();
        var round = await OpenAsync(plan);
        await SubmitAsync(plan, plan.UnitB, 3, Due.AddDays(1));

        (await Rounds(Due).CloseAsync(Leadership, round)).Succeeded.Should().BeFalse();
        (await Rounds(Due.AddDays(5)).CloseAsync(Office, round)).Succeeded.Should().BeTrue();
        await SubmitAsync(plan, plan.UnitA, 1, Due.AddDays(6));

        var figures = (await Rounds(Due.AddDays(6)).GetAsync(Office, round))!.Figures;
        figures.Should().Be(new RoundFigures(4, 1, 0, 0, 1, 3, 1));
        (await Rounds(Due).ItemsAsync(plan.UnitA, null)).Should().NotContain(i => i.RoundId == round, "a closed round is no longer 本期待报送");
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_items_and_leadership_changes_nothing()
    {
        var plan = await PlanAsync();
        var round = await OpenAsync(plan);

        var mine = await Rounds(Due).ItemsAsync(plan.UnitA, null);
        var units = await Rounds(Due).UnitsAsync(plan.UnitA, round);

        mine.Where(i => i.RoundId == round).Select(i => (i.TaskNumber, i.Unit)).Should().BeEquivalentTo(new[] { (1, plan.UnitAName), (2, plan.UnitAName) });
        mine.Should().OnlyContain(i => i.Unit == plan.UnitAName);
        units.Should().ContainSingle().Which.Unit.Should().Be(plan.UnitAName);
        (await Rounds(Due).ItemsAsync(AccessScope.Nobody, round)).Should().BeEmpty();
        (await Rounds(Due).ChaseAsync(Leadership, round, plan.UnitAId, null)).Succeeded.Should().BeFalse();
        (await Rounds(Due).ChaseAsync(plan.UnitA, round, plan.UnitAId, null)).Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task Reminders_go_once_per_round_unit_and_step_across_scanners_and_restarts()
    {
        var plan = await PlanAsync();
        var round = await OpenAsync(plan);
        await SubmitAsync(plan, plan.UnitB, 2, Due.AddDays(-4));
        await SubmitAsync(plan, plan.UnitB, 3, Due.AddDays(-4));

        Task<List<ReportChase>> ChasesAsync() => Portal.WithDbAsync(db => db.ReportChases.Where(c => c.RoundId == round).OrderBy(c => c.Id).ToListAsync());

        await Scanner(Due.AddDays(-4)).ScanAsync();
        (await ChasesAsync()).Should().BeEmpty("no step is reached four days before the due day");

        // Three days before: two scanners at once, then a restart (a new scanner), remind unit 甲 once.
        await Task.WhenAll(Scanner(Due.AddDays(-3)).ScanAsync(), Scanner(Due.AddDays(-3)).ScanAsync());
        await Scanner(Due.AddDays(-2)).ScanAsync();
        var chases = await ChasesAsync();
        chases.Should().ContainSingle().Which.Should().Match<ReportChase>(c => c.LeadUnitId == plan.UnitAId && c.Step == -3 && c.Missing == 2, "乙 has reported everything");

        // The day after the due day: the next step, once.
        await Scanner(Due.AddDays(1)).ScanAsync();
        await Scanner(Due.AddDays(1)).ScanAsync();
        (await ChasesAsync()).Select(c => c.Step).Should().Equal(-3, 1);

        var unitUser = plan.UnitA.UserName;
        var notes = await Portal.WithDbAsync(db => db.Notifications.Where(n => n.RoundId == round && db.Users.Any(u => u.Id == n.UserId && u.UserName == unitUser)).ToListAsync());
        notes.Should().HaveCount(2).And.OnlyContain(n => n.Kind == NotificationKind.ReportReminder && n.AlertCount == 2);
    }

    [Fact]
    public async Task A_chase_by_hand_notifies_the_unit_and_is_recorded()
    {
        var plan = await PlanAsync();
        var round = await OpenAsync(plan);

        var chased = await Rounds(Due).ChaseAsync(Office, round, plan.UnitBId, "请于今日报送");

        chased.Succeeded.Should().BeTrue(chased.Message);
        chased.Message.Should().Contain("未报送 2 份");
        var chase = await Portal.WithDbAsync(db => db.ReportChases.SingleAsync(c => c.RoundId == round));
        chase.Should().Match<ReportChase>(c => c.By == "office1" && c.Step == null && c.Note == "请于今日报送" && c.LeadUnitId == plan.UnitBId);
        var unitUser = plan.UnitB.UserName;
        var unread = await Portal.WithDbAsync(db => db.Notifications.Where(n => n.ReadAt == null && db.Users.Any(u => u.Id == n.UserId && u.UserName == unitUser)).SumAsync(n => n.AlertCount));
        unread.Should().Be(2);
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "Chase" && e.EntityKey == round.ToString()))).Should().Be(1);
        (await Rounds(Due).UnitsAsync(Office, round)).Single(u => u.UnitId == plan.UnitBId).Chases.Should().Be(1);
    }

    [Fact]
    public async Task The_pages_show_the_round_to_the_office_and_the_items_to_the_unit()
    {
        var current = await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync();
        var input = RoundInput.Monthly(new DateOnly(2022, 7, 1));
        input.Name = "2022年7月页面调度";
        var opened = await Rounds(new DateOnly(2022, 7, 1)).OpenAsync(Office, current!.Id, input);
        var unitName = await Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTask.PlanId == current.Id).OrderBy(l => l.LeadUnitId).Select(l => l.LeadUnit.Name).FirstAsync());
        await Portal.CreateUserAsync("roundunit", Roles.LeadUnit, unitName);
        using var unit = await Portal.ClientAsync("roundunit");

        var list = await fixture.Client.GetStringAsync("/rounds");
        var details = await fixture.Client.GetStringAsync($"/rounds/{opened.RoundId}");
        var mine = await unit.GetStringAsync("/my-round");

        list.Should().Contain("2022年7月页面调度").And.Contain("开启调度轮次");
        details.Should().Contain("按牵头单位").And.Contain(unitName);
        mine.Should().Contain("本期待报送").And.Contain("2022年7月页面调度").And.Contain("去报送");
        (await unit.GetAsync("/rounds")).StatusCode.Should().NotBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_round_pages_render_with_at_most_five_database_round_trips()
    {
        var current = await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync();
        var input = RoundInput.Monthly(new DateOnly(2022, 8, 1));
        input.Name = "2022年8月计数调度";
        var opened = await Rounds(new DateOnly(2022, 8, 1)).OpenAsync(Office, current!.Id, input);
        var unitName = await Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTask.PlanId == current.Id).OrderByDescending(l => l.LeadUnitId).Select(l => l.LeadUnit.Name).FirstAsync());
        await Portal.CreateUserAsync("roundcount", Roles.LeadUnit, unitName);
        using var unit = await Portal.ClientAsync("roundcount");

        foreach (var (client, url) in new[] { (fixture.Client, "/rounds"), (fixture.Client, $"/rounds/{opened.RoundId}"), (unit, "/my-round") })
        {
            var before = Portal.Commands.Count;
            var response = await client.GetAsync(url);
            var used = Portal.Commands.Count - before;

            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, url);
            used.Should().BeInRange(1, 5, url);
        }
    }

    private sealed record HandPlan(int Id, AccessScope UnitA, AccessScope UnitB, int UnitAId, int UnitBId, string UnitAName, string UnitBName);
}

public sealed class SqliteReportingRoundTests(SqlitePortal fixture) : ReportingRoundTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresReportingRoundTests(PostgresPortal fixture) : ReportingRoundTests(fixture), IClassFixture<PostgresPortal>;
