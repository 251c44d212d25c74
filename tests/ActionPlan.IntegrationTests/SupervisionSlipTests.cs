using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Slips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 督办单 on a small hand-built plan: T1 甲, T2 甲、乙 (with a milestone), T3 without unit, T4 甲 closed (已销号).
/// Slips are issued on 2022-06-01 with reply dates in early June; later days are other clocks.
/// </summary>
public abstract class SupervisionSlipTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);
    private static readonly DateOnly Issued = new(2022, 6, 1);
    private static readonly DateOnly ReplyBy = new(2022, 6, 10);

    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private SupervisionSlips Slips(DateOnly today) =>
        new(Contexts, new PortalClock(TimeProvider.System, new ClockOptions { Today = today.ToString("yyyy-MM-dd") }), new AuditWriter(TimeProvider.System),
            new RoundNotifier(TimeProvider.System, new AlertFeed(), new OutboxWriter(TimeProvider.System)), NullLogger<SupervisionSlips>.Instance);

    private static SlipInput Input(SlipLevel level = SlipLevel.Blue, string? matter = "任务推进滞后，请说明原因并提出整改措施。", DateOnly? replyBy = null, int? milestone = null) =>
        new() { Level = level, Matter = matter, ReplyBy = (replyBy ?? ReplyBy).ToDateTime(TimeOnly.MinValue), MilestoneId = milestone };

    private static SlipReplyInput Reply(params UploadedFile[] files) => new("已召开专题会议，明确责任分工。", "6月底前完成系统上线。", files);

    private async Task<HandPlan> PlanAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var plan = new Plan { Title = $"督办计划{tag}", DocumentNumber = "督办〔2022〕1号", Year = 2022, SourceHash = tag, SourceName = "hand-built" };
        var domain = new Domain { Plan = plan, Number = 1, Name = "督办领域" };
        var a = new LeadUnit { Name = $"督办甲单位{tag}" };
        var b = new LeadUnit { Name = $"督办乙单位{tag}" };
        PlanTask Task(int number, params LeadUnit[] units) => new()
        {
            Plan = plan, Domain = domain, Number = number, Title = $"督办任务{number}", Text = $"督办任务{number}",
            LeadUnits = units.Select((u, i) => new PlanTaskLeadUnit { LeadUnit = u, Position = i }).ToList(),
        };
        var t2 = Task(2, a, b);
        t2.Milestones.Add(new Milestone { Position = 0, Due = new DateOnly(2022, 6, 30), Phrase = "6月底前", Clause = "系统上线" });
        var closed = Task(4, a);
        closed.ClosedAt = DateTimeOffset.UtcNow;
        closed.ClosedBy = "office1";
        var tasks = new[] { Task(1, a), t2, Task(3), closed };
        db.PlanTasks.AddRange(tasks);
        await db.SaveChangesAsync();
        await Portal.CreateUserAsync($"sa{tag}", Roles.LeadUnit, a.Name);
        await Portal.CreateUserAsync($"sb{tag}", Roles.LeadUnit, b.Name);
        return new HandPlan(plan.Id, tasks.Select(t => t.Id).ToArray(), t2.Milestones[0].Id,
            new AccessScope($"sa{tag}", false, a.Id, false, false), new AccessScope($"sb{tag}", false, b.Id, false, false), a.Id, b.Id, a.Name, b.Name);
    }

    private async Task<int> IssueAsync(HandPlan plan, int task, SlipInput? input = null)
    {
        var issued = await Slips(Issued).IssueAsync(Office, plan.Task(task), input ?? Input());
        issued.Succeeded.Should().BeTrue(issued.Message);
        return issued.SlipId!.Value;
    }

    private Task<List<AuditEntry>> AuditAsync(int slip) =>
        Portal.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "SupervisionSlip" && e.EntityKey == slip.ToString()).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_slip_goes_to_the_tasks_lead_units_numbered_per_plan_and_audited()
    {
        var plan = await PlanAsync();

        var first = await IssueAsync(plan, 1);
        var second = await IssueAsync(plan, 2, Input(SlipLevel.Yellow, milestone: plan.MilestoneId));

        var one = (await Slips(Issued).GetAsync(Office, first))!;
        var two = (await Slips(Issued).GetAsync(Office, second))!;
        one.Recipients.Select(r => r.Unit).Should().Equal(plan.UnitAName);
        two.Recipients.Select(r => r.Unit).Should().Equal(plan.UnitAName, plan.UnitBName);
        (one.Number, two.Number).Should().Be((1, 2), "numbers count per plan");
        two.Should().Match<SlipDetail>(s => s.Level == SlipLevel.Yellow && s.State == SlipState.Waiting && s.Milestone!.Contains("系统上线") && !s.EscalationSuggested);
        var audit = await AuditAsync(second);
        audit.Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Action == "IssueSlip" && e.Field == "SlipState" && e.Actor == "office1" && e.NewValue!.Contains("黄色督办"));
        audit[0].PlanTaskId.Should().Be(plan.Task(2), "the slip shows on its task's timeline");
        Task<int> NoticesAsync(string user) => Portal.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.SlipIssued && db.Users.Any(u => u.Id == n.UserId && u.UserName == user)));
        (await NoticesAsync(plan.UnitA.UserName)).Should().Be(2, "甲 leads both tasks");
        (await NoticesAsync(plan.UnitB.UserName)).Should().Be(1);
    }

    [Fact]
    public async Task Issuing_refuses_bad_input_with_a_message_and_writes_nothing()
    {
        var plan = await PlanAsync();
        var slips = Slips(Issued);

        var noMatter = await slips.IssueAsync(Office, plan.Task(1), Input(matter: "  "));
        var past = await slips.IssueAsync(Office, plan.Task(1), Input(replyBy: Issued.AddDays(-1)));
        var tooLong = await slips.IssueAsync(Office, plan.Task(1), Input(matter: new string('滞', TextLimits.LongText + 1)));
        var closed = await slips.IssueAsync(Office, plan.Task(4), Input());
        var noUnit = await slips.IssueAsync(Office, plan.Task(3), Input());
        var otherMilestone = await slips.IssueAsync(Office, plan.Task(1), Input(milestone: plan.MilestoneId));
        var today = await slips.IssueAsync(Office, plan.Task(1), Input(replyBy: Issued));

        noMatter.Errors.Should().ContainKey(nameof(SlipInput.Matter)).WhoseValue.Should().StartWith("请填写督办事项");
        past.Errors.Should().ContainKey(nameof(SlipInput.ReplyBy)).WhoseValue.Should().Be("反馈期限不能早于今天（2022年6月1日）。");
        tooLong.Errors.Should().ContainKey(nameof(SlipInput.Matter)).WhoseValue.Should().Contain("最多 4000 个字");
        closed.Message.Should().Be("任务 4 已销号，不能再下发督办单。");
        noUnit.Message.Should().Contain("未明确牵头单位");
        otherMilestone.Errors.Should().ContainKey(nameof(SlipInput.MilestoneId));
        today.Succeeded.Should().BeTrue("a reply date of today is allowed");
        (await Portal.WithDbAsync(db => db.SupervisionSlips.CountAsync(s => s.PlanTask.PlanId == plan.Id))).Should().Be(1);
    }

    [Fact]
    public async Task A_unit_replies_once_late_replies_are_marked_late_and_the_slip_is_closed_after_all_replies()
    {
        var plan = await PlanAsync();
        var slip = await IssueAsync(plan, 2);
        var pdf = new UploadedFile("整改方案.pdf", "%PDF-1.4 督办反馈"u8.ToArray());

        var empty = await Slips(ReplyBy).ReplyAsync(plan.UnitA, slip, new SlipReplyInput(" ", null, []));
        var onTime = await Slips(ReplyBy).ReplyAsync(plan.UnitA, slip, Reply(pdf));
        var again = await Slips(ReplyBy).ReplyAsync(plan.UnitA, slip, Reply());
        var earlyClose = await Slips(ReplyBy).CloseAsync(Office, slip);
        var late = await Slips(ReplyBy.AddDays(2)).ReplyAsync(plan.UnitB, slip, Reply());

        empty.Errors.Keys.Should().BeEquivalentTo([nameof(SlipReplyInput.Done), nameof(SlipReplyInput.NextPlan)]);
        onTime.Should().Match<SlipResult>(r => r.Succeeded && r.Message == "已反馈。", "on the reply date is in time");
        again.Should().Match<SlipResult>(r => !r.Succeeded && r.Message.Contains("反馈提交后不能修改"));
        earlyClose.Message.Should().Be("尚有 1 个单位未反馈，全部反馈后才能办结。");
        late.Should().Match<SlipResult>(r => r.Succeeded && r.Message.Contains("逾期反馈"));

        var detail = (await Slips(ReplyBy.AddDays(2)).GetAsync(Office, slip))!;
        detail.State.Should().Be(SlipState.Replied);
        detail.Recipients.Single(r => r.Unit == plan.UnitAName).Should().Match<SlipRecipientView>(r => !r.Late && r.RepliedOn == ReplyBy && r.Attachments.Count == 1 && r.RepliedBy == plan.UnitA.UserName);
        detail.Recipients.Single(r => r.Unit == plan.UnitBName).Late.Should().BeTrue();
        var file = await Slips(ReplyBy).AttachmentAsync(plan.UnitA, detail.Recipients.Single(r => r.Unit == plan.UnitAName).Attachments[0].Id);
        file!.ContentType.Should().Be("application/pdf");
        (await Slips(ReplyBy).AttachmentAsync(plan.UnitB, detail.Recipients.Single(r => r.Unit == plan.UnitAName).Attachments[0].Id)).Should().BeNull("another unit's evidence");

        (await Slips(ReplyBy.AddDays(3)).CloseAsync(Office, slip, "整改措施可行")).Succeeded.Should().BeTrue();
        (await Slips(ReplyBy.AddDays(3)).GetAsync(Office, slip))!.State.Should().Be(SlipState.Closed);
        (await Slips(ReplyBy.AddDays(3)).CloseAsync(Office, slip)).Succeeded.Should().BeFalse("closed once");
        (await Slips(ReplyBy.AddDays(3)).EscalateAsync(Office, slip, Input(SlipLevel.Yellow, replyBy: ReplyBy.AddDays(10)))).Message.Should().Be("该督办单已办结，不能升级。");
        (await AuditAsync(slip)).Select(e => e.Action).Should().Equal("IssueSlip", "ReplySlip", "ReplySlip", "CloseSlip");
        (await AuditAsync(slip)).Last().Reason.Should().Be("整改措施可行");
    }

    [Fact]
    public async Task A_slips_escalation_path_runs_blue_to_yellow_to_red_only_past_the_reply_date_with_a_reply_missing()
    {
        var plan = await PlanAsync();
        var blue = await IssueAsync(plan, 2);
        await Slips(Issued).ReplyAsync(plan.UnitA, blue, Reply());

        // Not yet past the reply date: 待反馈, no suggestion, escalation refused.
        var onDay = Slips(ReplyBy);
        (await onDay.GetAsync(Office, blue))!.Should().Match<SlipDetail>(s => s.State == SlipState.Waiting && !s.EscalationSuggested);
        (await onDay.EscalateAsync(Office, blue, Input(SlipLevel.Yellow, replyBy: ReplyBy.AddDays(7)))).Message.Should().Contain("尚未届满");
        (await onDay.ListAsync(Office, new SlipFilter(plan.Id) { SuggestedOnly = true })).Total.Should().Be(0);

        // The day after: 逾期未反馈, suggested; only the office escalates; the yellow slip goes to the unit without a reply.
        var after = Slips(ReplyBy.AddDays(1));
        (await after.GetAsync(Office, blue))!.Should().Match<SlipDetail>(s => s.State == SlipState.Overdue && s.EscalationSuggested);
        var suggested = await after.ListAsync(Office, new SlipFilter(plan.Id) { SuggestedOnly = true });
        suggested.Rows.Should().ContainSingle().Which.Id.Should().Be(blue);
        (await after.EscalateAsync(Leadership, blue, Input(SlipLevel.Yellow, replyBy: ReplyBy.AddDays(7)))).Succeeded.Should().BeFalse();
        (await after.EscalateAsync(Office, blue, Input(SlipLevel.Yellow, matter: "", replyBy: ReplyBy.AddDays(7)))).Errors.Should().ContainKey(nameof(SlipInput.Matter));
        var toYellow = await after.EscalateAsync(Office, blue, Input(SlipLevel.Yellow, replyBy: ReplyBy.AddDays(7)));
        toYellow.Succeeded.Should().BeTrue(toYellow.Message);
        var twice = await after.EscalateAsync(Office, blue, Input(SlipLevel.Yellow, replyBy: ReplyBy.AddDays(7)));
        twice.Message.Should().Be("该督办单已升级过，不能重复升级。");

        var yellow = (await after.GetAsync(Office, toYellow.SlipId!.Value))!;
        yellow.Should().Match<SlipDetail>(s => s.Level == SlipLevel.Yellow && s.State == SlipState.Waiting && s.EscalatedFrom!.Id == blue && s.Milestone == null);
        yellow.Recipients.Select(r => r.Unit).Should().Equal([plan.UnitBName], "甲 replied to the blue slip");
        (await after.GetAsync(Office, blue))!.Should().Match<SlipDetail>(s => s.State == SlipState.Escalated && s.EscalatedTo!.Id == yellow.Id && !s.EscalationSuggested);
        (await after.ReplyAsync(plan.UnitB, blue, Reply())).Message.Should().Contain("已升级");
        (await after.CloseAsync(Office, blue)).Succeeded.Should().BeFalse();

        // Yellow unanswered past its date → red; red past its date is 逾期 without a suggestion and cannot go further.
        var later = Slips(ReplyBy.AddDays(8));
        (await later.GetAsync(Office, yellow.Id))!.EscalationSuggested.Should().BeTrue();
        var toRed = await later.EscalateAsync(Office, yellow.Id, Input(SlipLevel.Red, replyBy: ReplyBy.AddDays(12)));
        toRed.Succeeded.Should().BeTrue(toRed.Message);
        var latest = Slips(ReplyBy.AddDays(13));
        var red = (await latest.GetAsync(Office, toRed.SlipId!.Value))!;
        red.Should().Match<SlipDetail>(s => s.Level == SlipLevel.Red && s.State == SlipState.Overdue && !s.EscalationSuggested && s.EscalatedFrom!.Id == yellow.Id);
        (await latest.EscalateAsync(Office, red.Id, Input(SlipLevel.Red, replyBy: ReplyBy.AddDays(20)))).Message.Should().Contain("红色督办已是最高级别");
        (await latest.ListAsync(Office, new SlipFilter(plan.Id) { State = SlipState.Overdue })).Rows.Select(r => r.Id).Should().Equal(red.Id);
        (await latest.ListAsync(Office, new SlipFilter(plan.Id) { SuggestedOnly = true })).Total.Should().Be(0);

        var list = await latest.ListAsync(Office, new SlipFilter(plan.Id));
        list.Total.Should().Be(3);
        list.ByState.Should().BeEquivalentTo(new Dictionary<SlipState, int> { [SlipState.Escalated] = 2, [SlipState.Overdue] = 1 });
        (await latest.ListAsync(Office, new SlipFilter(plan.Id) { Level = SlipLevel.Yellow })).Rows.Select(r => r.Id).Should().Equal(yellow.Id);
        (await AuditAsync(blue)).Select(e => e.Action).Should().Equal("IssueSlip", "ReplySlip", "EscalateSlip");
        (await AuditAsync(red.Id)).Select(e => e.Action).Should().Equal("EscalateSlip");
    }

    [Fact]
    public async Task Two_escalations_at_once_issue_one_successor()
    {
        var plan = await PlanAsync();
        var blue = await IssueAsync(plan, 1);
        var after = ReplyBy.AddDays(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Slips(after).EscalateAsync(Office, blue, Input(SlipLevel.Yellow, replyBy: after.AddDays(5)))));

        results.Count(r => r.Succeeded).Should().Be(1, string.Join(" / ", results.Select(r => r.Message)));
        (await Portal.WithDbAsync(db => db.SupervisionSlips.CountAsync(s => s.EscalatedFromId == blue))).Should().Be(1);
    }

    [Fact]
    public async Task A_unit_sees_and_answers_only_its_own_slips_and_leadership_changes_nothing()
    {
        var plan = await PlanAsync();
        var ofA = await IssueAsync(plan, 1);
        var shared = await IssueAsync(plan, 2);
        var slips = Slips(Issued);

        (await slips.ListAsync(plan.UnitB, new SlipFilter(plan.Id))).Rows.Select(r => r.Id).Should().Equal(shared);
        (await slips.ListAsync(plan.UnitA, new SlipFilter(plan.Id))).Rows.Select(r => r.Id).Should().Equal(shared, ofA);
        (await slips.ListAsync(Leadership, new SlipFilter(plan.Id))).Total.Should().Be(2);
        (await slips.ListAsync(AccessScope.Nobody, new SlipFilter(plan.Id))).Total.Should().Be(0);
        (await slips.ListAsync(Office, new SlipFilter(plan.Id) { Unit = plan.UnitBName })).Rows.Select(r => r.Id).Should().Equal(shared);
        (await slips.GetAsync(plan.UnitB, ofA)).Should().BeNull("not addressed to 乙");
        (await slips.GetAsync(plan.UnitB, shared))!.Recipients.Select(r => r.Unit).Should().Equal([plan.UnitBName], "a unit reads its own reply only");
        (await slips.ReplyAsync(plan.UnitB, ofA, Reply())).Message.Should().Be("督办单不存在。");
        (await slips.ForTaskAsync(plan.UnitB, plan.Task(1))).Should().NotContain(r => r.Id == ofA, "the slip on task 1 is not addressed to 乙");
        (await slips.ForTaskAsync(plan.UnitA, plan.Task(1))).Should().Contain(r => r.Id == ofA);

        (await slips.IssueAsync(Leadership, plan.Task(1), Input())).Succeeded.Should().BeFalse();
        (await slips.IssueAsync(plan.UnitA, plan.Task(1), Input())).Succeeded.Should().BeFalse();
        (await slips.ReplyAsync(Leadership, ofA, Reply())).Succeeded.Should().BeFalse();
        (await Slips(ReplyBy.AddDays(1)).EscalateAsync(Leadership, ofA, Input(SlipLevel.Yellow, replyBy: ReplyBy.AddDays(5)))).Succeeded.Should().BeFalse();
        (await slips.ReplyAsync(plan.UnitA, ofA, Reply())).Succeeded.Should().BeTrue();
        (await slips.CloseAsync(Leadership, ofA)).Succeeded.Should().BeFalse();
        (await slips.CloseAsync(plan.UnitA, ofA)).Succeeded.Should().BeFalse();
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "SupervisionSlip" && e.Actor == "leader1"))).Should().Be(0);
        (await slips.GetAsync(Office, ofA))!.State.Should().Be(SlipState.Replied, "leadership closed nothing");
    }

    [Fact]
    public async Task The_slip_pages_show_the_list_and_details_per_role()
    {
        var current = await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync();
        var task = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == current!.Id && t.LeadUnits.Count == 1).OrderBy(t => t.Number)
            .Select(t => new { t.Id, t.Number, Unit = t.LeadUnits.Select(l => l.LeadUnit.Name).First() }).FirstAsync());
        var other = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name != task.Unit && db.PlanTaskLeadUnits.Any(l => l.LeadUnitId == u.Id)).Select(u => u.Name).FirstAsync());
        var today = Portal.Services.GetRequiredService<PortalClock>().Today;
        var issued = await Portal.Services.GetRequiredService<SupervisionSlips>().IssueAsync(Office, task.Id, Input(matter: "页面督办事项", replyBy: today.AddDays(30)));
        issued.Succeeded.Should().BeTrue(issued.Message);
        await Portal.CreateUserAsync($"slipunit{task.Id}", Roles.LeadUnit, task.Unit);
        await Portal.CreateUserAsync($"slipother{task.Id}", Roles.LeadUnit, other);
        using var unit = await Portal.ClientAsync($"slipunit{task.Id}");
        using var stranger = await Portal.ClientAsync($"slipother{task.Id}");

        var before = Portal.Commands.Count;
        var list = await fixture.Client.GetStringAsync("/slips");
        var listTrips = Portal.Commands.Count - before;
        before = Portal.Commands.Count;
        var details = await fixture.Client.GetStringAsync($"/slips/{issued.SlipId}");
        var detailTrips = Portal.Commands.Count - before;
        var mine = await unit.GetStringAsync($"/slips/{issued.SlipId}");
        var taskPage = await fixture.Client.GetStringAsync($"/tasks/{task.Number}");

        list.Should().Contain("督办单").And.Contain("蓝色督办").And.Contain("页面督办事项");
        details.Should().Contain("页面督办事项").And.Contain(task.Unit).And.Contain("待反馈");
        mine.Should().Contain("反馈").And.Contain("已采取措施");
        taskPage.Should().Contain("下发督办单").And.Contain("页面督办事项");
        (listTrips, detailTrips).Should().Match<(int List, int Details)>(t => t.List <= 5 && t.Details <= 5, "every page is at most five round trips");
        (await stranger.GetAsync($"/slips/{issued.SlipId}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await stranger.GetStringAsync("/slips")).Should().NotContain("页面督办事项");
    }

    private sealed record HandPlan(int Id, int[] TaskIds, int MilestoneId, AccessScope UnitA, AccessScope UnitB, int UnitAId, int UnitBId, string UnitAName, string UnitBName)
    {
        public int Task(int number) => TaskIds[number - 1];
    }
}

public sealed class SqliteSupervisionSlipTests(SqlitePortal fixture) : SupervisionSlipTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresSupervisionSlipTests(PostgresPortal fixture) : SupervisionSlipTests(fixture), IClassFixture<PostgresPortal>;
