using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Data.Import;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Extensions;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 延期申请 on a small hand-built plan: task 1 (unit 甲) with milestones due 2022-06-30 and 2022-09-30, task 2
/// (unit 乙) with one due 2022-06-30. "Today" is 2022-07-10 unless a test says otherwise, so the June ones are 逾期.
/// </summary>
public abstract class DeadlineExtensionTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);
    private static readonly DateOnly Today = new(2022, 7, 10);
    private static readonly DateOnly June = new(2022, 6, 30);
    private static readonly DateOnly August = new(2022, 8, 31);

    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static PortalClock Clock(DateOnly today) => new(TimeProvider.System, new ClockOptions { Today = today.ToString("yyyy-MM-dd") });

    private DeadlineExtensions Extensions(DateOnly? today = null) => new(Contexts, Clock(today ?? Today), new AuditWriter(TimeProvider.System), NullLogger<DeadlineExtensions>.Instance);

    private TaskQueries Queries(DateOnly today) => new(Contexts, Clock(today), new DeadlineSettings());

    private DeadlineScanner Scanner(DateOnly today) => new(Contexts, Clock(today), new DeadlineSettings(), new AlertFeed(), new OutboxWriter(TimeProvider.System), TimeProvider.System, NullLogger<DeadlineScanner>.Instance);

    private static ExtensionInput Input(DateOnly? due, string? reason = "配套系统改造需与国家平台同步，原定时间无法完成。") =>
        new() { RequestedDue = due?.ToDateTime(TimeOnly.MinValue), Reason = reason };

    private async Task<HandPlan> PlanAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var plan = new Plan { Title = $"延期计划{tag}", DocumentNumber = "延期〔2022〕1号", Year = 2022, SourceHash = tag, SourceName = "hand-built" };
        var domain = new Domain { Plan = plan, Number = 1, Name = "甲领域" };
        var a = new LeadUnit { Name = $"延期甲单位{tag}" };
        var b = new LeadUnit { Name = $"延期乙单位{tag}" };
        var june = new Milestone { Position = 0, Due = June, Phrase = "6月底前", Clause = "完成系统改造" };
        var september = new Milestone { Position = 1, Due = new DateOnly(2022, 9, 30), Phrase = "9月底前", Clause = "全面推广" };
        var other = new Milestone { Position = 0, Due = June, Phrase = "6月底前", Clause = "出台办法" };
        db.PlanTasks.AddRange(
            new PlanTask
            {
                Plan = plan, Domain = domain, Number = 1, Title = "延期任务1", Text = "延期任务1", Milestones = [june, september],
                LeadUnits = [new PlanTaskLeadUnit { LeadUnit = a, Position = 0 }],
            },
            new PlanTask
            {
                Plan = plan, Domain = domain, Number = 2, Title = "延期任务2", Text = "延期任务2", Milestones = [other],
                LeadUnits = [new PlanTaskLeadUnit { LeadUnit = b, Position = 0 }],
            });
        await db.SaveChangesAsync();
        return new HandPlan(plan.Id, new AccessScope($"ea{tag}", false, a.Id, false, false), new AccessScope($"eb{tag}", false, b.Id, false, false), june.Id, september.Id, other.Id);
    }

    private Task<Milestone> MilestoneAsync(int id) => Portal.WithDbAsync(db => db.Milestones.AsNoTracking().SingleAsync(m => m.Id == id));

    private async Task<int> RequestAsync(HandPlan plan, DateOnly due)
    {
        var requested = await Extensions().RequestAsync(plan.UnitA, plan.June, Input(due));
        requested.Succeeded.Should().BeTrue(requested.Message);
        return requested.RequestId!.Value;
    }

    [Fact]
    public async Task A_request_needs_the_tasks_unit_an_open_milestone_a_later_date_and_a_reason()
    {
        var plan = await PlanAsync();
        var extensions = Extensions();

        (await extensions.RequestAsync(plan.UnitB, plan.June, Input(August))).Succeeded.Should().BeFalse("乙 does not lead task 1");
        (await extensions.RequestAsync(Office, plan.June, Input(August))).Succeeded.Should().BeFalse("the office does not ask for extensions");
        (await extensions.RequestAsync(plan.UnitA, plan.June, Input(null))).Errors.Should().ContainKey(nameof(ExtensionInput.RequestedDue));
        (await extensions.RequestAsync(plan.UnitA, plan.June, Input(June))).Errors.Should().ContainKey(nameof(ExtensionInput.RequestedDue))
            .WhoseValue.Should().Be("延期后的完成时限须晚于现在的 2022-06-30。");
        (await extensions.RequestAsync(plan.UnitA, plan.June, Input(August, "  "))).Errors.Should().ContainKey(nameof(ExtensionInput.Reason))
            .WhoseValue.Should().Be("请说明申请延期的原因。");
        (await extensions.RequestAsync(plan.UnitA, plan.June, Input(August, new string('因', TextLimits.Reason + 1)))).Errors.Should().ContainKey(nameof(ExtensionInput.Reason));
        await Portal.WithDbAsync(db => db.Milestones.Where(m => m.Id == plan.September).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDone, true).SetProperty(m => m.CompletedOn, new DateOnly(2022, 7, 1))));
        (await extensions.RequestAsync(plan.UnitA, plan.September, Input(new DateOnly(2022, 12, 31)))).Message.Should().Be("该时间节点已完成，无需延期。");

        (await Portal.WithDbAsync(db => db.ExtensionRequests.CountAsync(r => r.MilestoneId == plan.June || r.MilestoneId == plan.September))).Should().Be(0, "nothing refused is stored");
        (await extensions.ListAsync(plan.UnitA, new ExtensionFilter(plan.Id))).Should().BeEmpty();
    }

    [Fact]
    public async Task Approval_moves_the_deadline_keeps_the_plans_date_and_the_milestone_is_no_longer_overdue()
    {
        var plan = await PlanAsync();
        var overdue = new TaskListQuery { Milestone = MilestoneState.Overdue };
        (await Queries(Today).MilestonesAsync(Office, plan.Id, overdue)).Total.Should().Be(2, "both June milestones are past due on 2022-07-10");

        var request = await RequestAsync(plan, August);
        (await Extensions().ApproveAsync(plan.UnitA, request, null)).Succeeded.Should().BeFalse("a unit cannot approve");
        (await Extensions().ApproveAsync(Leadership, request, null)).Succeeded.Should().BeFalse("leadership changes nothing");
        (await MilestoneAsync(plan.June)).Due.Should().Be(June);
        var approved = await Extensions().ApproveAsync(Office, request, "同意延期");

        approved.Succeeded.Should().BeTrue(approved.Message);
        var milestone = await MilestoneAsync(plan.June);
        milestone.Due.Should().Be(August);
        milestone.OriginalDue.Should().Be(June);
        var stillOverdue = await Queries(Today).MilestonesAsync(Office, plan.Id, overdue);
        stillOverdue.Total.Should().Be(1);
        stillOverdue.Rows.Should().ContainSingle().Which.TaskNumber.Should().Be(2, "task 1's milestone now counts against 2022-08-31");
        (await Queries(Today).ListAsync(Office, plan.Id, new TaskListQuery { Level = WarningLevel.Overdue })).Rows.Select(r => r.Number).Should().Equal(2);
        (await Queries(new DateOnly(2022, 9, 1)).MilestonesAsync(Office, plan.Id, overdue)).Total.Should().Be(2, "after the new date it is overdue again");
        var detail = await Queries(Today).GetAsync(plan.UnitA, plan.Id, 1);
        detail!.Milestones[0].Should().Match<MilestoneView>(m => m.Due == August && m.OriginalDue == June);
        ExtensionText.Due(August, June).Should().Be("2022-08-31（原定 2022-06-30，已延期）");

        // A second extension keeps the plan's date, not the first extension's.
        var second = await RequestAsync(plan, new DateOnly(2022, 10, 31));
        (await Extensions().ApproveAsync(Office, second, null)).Succeeded.Should().BeTrue();
        (await MilestoneAsync(plan.June)).OriginalDue.Should().Be(June);
        (await Extensions().ApproveAsync(Office, second, null)).Succeeded.Should().BeFalse("it is no longer pending");
    }

    [Fact]
    public async Task One_request_waits_per_milestone_and_a_refusal_needs_a_reason_and_keeps_the_date()
    {
        var plan = await PlanAsync();
        var request = await RequestAsync(plan, August);

        var second = await Extensions().RequestAsync(plan.UnitA, plan.June, Input(new DateOnly(2022, 10, 31)));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Extensions().RequestAsync(plan.UnitA, plan.September, Input(new DateOnly(2022, 12, 31)))));

        second.Message.Should().Be("该时间节点已有一份延期申请在等待审批，请等审批结果后再申请。");
        concurrent.Count(r => r.Succeeded).Should().Be(1, "the filtered unique index keeps one pending request per milestone");
        (await Extensions().RefuseAsync(Office, request, " ")).Errors.Should().ContainKey("Note").WhoseValue.Should().Be("不予批准须填写原因。");
        (await Extensions().RefuseAsync(Leadership, request, "不同意")).Succeeded.Should().BeFalse();
        (await Extensions().RefuseAsync(Office, request, "理由不充分，请按原计划推进。")).Succeeded.Should().BeTrue();

        (await MilestoneAsync(plan.June)).Should().Match<Milestone>(m => m.Due == June && m.OriginalDue == null);
        var mine = await Extensions().ListAsync(plan.UnitA, new ExtensionFilter(plan.Id));
        mine.Select(r => r.State).Should().Equal(ExtensionState.Pending, ExtensionState.Refused);
        mine.Single(r => r.Id == request).DecisionNote.Should().Be("理由不充分，请按原计划推进。");
        (await Extensions().ListAsync(plan.UnitB, new ExtensionFilter(plan.Id))).Should().BeEmpty("乙 sees only its own requests");
        (await Extensions().ListAsync(Leadership, new ExtensionFilter(plan.Id, ExtensionState.Refused))).Should().ContainSingle();
        (await Extensions().RequestAsync(plan.UnitA, plan.June, Input(August))).Succeeded.Should().BeTrue("after a refusal the unit may ask again");
    }

    [Fact]
    public async Task Every_step_is_on_the_tasks_timeline()
    {
        var plan = await PlanAsync();
        var last = await Portal.LastAuditIdAsync();
        var request = await RequestAsync(plan, August);
        await Extensions().ApproveAsync(Office, request, null);
        var refused = await Extensions().RequestAsync(plan.UnitB, plan.Other, Input(August));
        await Extensions().RefuseAsync(Office, refused.RequestId!.Value, "不同意");

        var entries = (await Portal.AuditSinceAsync(last)).Where(e => e.EntityType == "PlanTask").ToList();
        entries.Select(e => (e.Action, e.Field)).Should().Equal(("RequestExtension", "Deadline"), ("ApproveExtension", "Deadline"), ("RequestExtension", "Deadline"), ("RefuseExtension", "Deadline"));
        entries[1].Should().Match<AuditEntry>(e => e.Actor == "office1" && e.OldValue == "时间节点 1（6月底前）：2022-06-30" && e.NewValue == "时间节点 1（6月底前）：2022-08-31（原定 2022-06-30，已延期）");
        entries[0].Reason.Should().Be("配套系统改造需与国家平台同步，原定时间无法完成。");
        entries[3].Reason.Should().Be("不同意");
        var timeline = await new TaskWorkspace(Contexts, new AuditWriter(TimeProvider.System), Clock(Today), NullLogger<TaskWorkspace>.Instance).TimelineAsync(Office, plan.Id, 1);
        timeline.Select(t => t.Action).Should().Contain(["RequestExtension", "ApproveExtension"]);
    }

    [Fact]
    public async Task The_scanner_keeps_old_alerts_as_history_and_alerts_again_on_the_new_date()
    {
        var plan = await PlanAsync();
        await Scanner(new DateOnly(2022, 6, 20)).ScanUntilCompleteAsync();
        await Scanner(new DateOnly(2022, 7, 1)).ScanUntilCompleteAsync();
        Task<List<Alert>> AlertsAsync() => Portal.WithDbAsync(db => db.Alerts.AsNoTracking().Where(a => a.MilestoneId == plan.June).OrderBy(a => a.Id).ToListAsync());
        (await AlertsAsync()).Select(a => (a.Level, a.Occurrence)).Should().Equal((1, 0), (3, 0));

        var request = await RequestAsync(plan, August);
        (await Extensions(new DateOnly(2022, 7, 2)).ApproveAsync(Office, request, null)).Succeeded.Should().BeTrue();
        await Scanner(new DateOnly(2022, 7, 10)).ScanUntilCompleteAsync();
        (await AlertsAsync()).Should().HaveCount(2, "nothing is flagged on 2022-07-10 against 2022-08-31");
        await Scanner(new DateOnly(2022, 8, 20)).ScanUntilCompleteAsync();
        await Scanner(new DateOnly(2022, 9, 1)).ScanUntilCompleteAsync();

        var alerts = await AlertsAsync();
        alerts.Select(a => (a.Level, a.Occurrence, a.AsOf)).Should().Equal(
            (1, -DeadlineExtensions.AlertArchiveBand, new DateOnly(2022, 6, 20)),
            (3, -DeadlineExtensions.AlertArchiveBand, new DateOnly(2022, 7, 1)),
            (1, 0, new DateOnly(2022, 8, 20)),
            (3, 0, new DateOnly(2022, 9, 1)));
    }

    [Fact]
    public async Task The_exporter_writes_the_plans_date_not_the_extended_one()
    {
        var plan = await PlanAsync();
        await Extensions().ApproveAsync(Office, await RequestAsync(plan, August), null);

        var exported = await new PlanExporter(Contexts).ExportAsync(plan.Id);

        exported!.Tasks.Single(t => t.Number == 1).Milestones[0].Due.Should().Be(June);
    }

    [Fact]
    public async Task The_pages_show_the_requests_to_the_office_and_the_unit()
    {
        var current = await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync();
        var task = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == current!.Id && t.LeadUnits.Any() && t.Milestones.Any(m => !m.IsDone))
            .OrderBy(t => t.Number).Select(t => new { t.Number, Unit = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit).First(), Milestone = t.Milestones.Where(m => !m.IsDone).OrderBy(m => m.Position).First() }).FirstAsync());
        await Portal.CreateUserAsync("extensionunit", Roles.LeadUnit, task.Unit.Name);
        var unitScope = new AccessScope("extensionunit", false, task.Unit.Id, false, false);
        (await Extensions().RequestAsync(unitScope, task.Milestone.Id, Input(task.Milestone.Due.AddMonths(3), "页面测试的延期原因"))).Succeeded.Should().BeTrue();
        using var unit = await Portal.ClientAsync("extensionunit");

        var office = await fixture.Client.GetStringAsync("/extensions");
        var mine = await unit.GetStringAsync("/extensions");
        var taskPage = await unit.GetStringAsync($"/tasks/{task.Number}");

        office.Should().Contain("延期审批").And.Contain("页面测试的延期原因").And.Contain("批准");
        mine.Should().Contain("我的延期申请").And.Contain("页面测试的延期原因").And.Contain("待审批");
        taskPage.Should().Contain("延期申请").And.Contain("申请延期").And.Contain("页面测试的延期原因");
    }

    private sealed record HandPlan(int Id, AccessScope UnitA, AccessScope UnitB, int June, int September, int Other);
}

public sealed class SqliteDeadlineExtensionTests(SqlitePortal fixture) : DeadlineExtensionTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresDeadlineExtensionTests(PostgresPortal fixture) : DeadlineExtensionTests(fixture), IClassFixture<PostgresPortal>;
