using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Closing;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Extensions;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 销号 on a small hand-built plan: task 1 (unit 甲) and task 2 (units 甲 and 乙), each with one milestone.
/// Reports are submitted and decided on 2022-06-10, inside the June round.
/// </summary>
public abstract class TaskClosingTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);
    private static readonly DateOnly Today = new(2022, 6, 10);
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static PortalClock Clock => new(TimeProvider.System, new ClockOptions { Today = Today.ToString("yyyy-MM-dd") });

    private static AuditWriter Audit => new(TimeProvider.System);

    private ReportingRounds Rounds => new(Contexts, Clock, Audit, new RoundNotifier(TimeProvider.System, new AlertFeed(), new OutboxWriter(TimeProvider.System)), NullLogger<ReportingRounds>.Instance);

    private ProgressReports Reports => new(Contexts, TimeProvider.System, Audit, Clock, Rounds, NullLogger<ProgressReports>.Instance);

    private TaskClosing Closing => new(Contexts, Clock, Audit, NullLogger<TaskClosing>.Instance);

    private TaskWorkspace Workspace => new(Contexts, Audit, Clock, NullLogger<TaskWorkspace>.Instance);

    private async Task<HandPlan> PlanAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var plan = new Plan { Title = $"销号计划{tag}", DocumentNumber = "销号〔2022〕1号", Year = 2022, SourceHash = tag, SourceName = "hand-built" };
        var domain = new Domain { Plan = plan, Number = 1, Name = "甲领域" };
        var a = new LeadUnit { Name = $"销号甲单位{tag}" };
        var b = new LeadUnit { Name = $"销号乙单位{tag}" };
        PlanTask Task(int number, params LeadUnit[] units) => new()
        {
            Plan = plan, Domain = domain, Number = number, Title = $"销号任务{number}", Text = $"销号任务{number}",
            Milestones = [new Milestone { Position = 0, Due = new DateOnly(2022, 9, 30), Phrase = "9月底前", Clause = "完成" }],
            LeadUnits = units.Select((u, i) => new PlanTaskLeadUnit { LeadUnit = u, Position = i }).ToList(),
        };
        var one = Task(1, a);
        var two = Task(2, a, b);
        db.PlanTasks.AddRange(one, two);
        await db.SaveChangesAsync();
        return new HandPlan(plan.Id, new AccessScope($"ca{tag}", false, a.Id, false, false), new AccessScope($"cb{tag}", false, b.Id, false, false), one.Id, two.Id);
    }

    private static ReportInput Final(int task, int progress = 100, bool withEvidence = true) =>
        new(null, task, "任务已全部完成，附完成情况报告。", progress, null, null, withEvidence ? [new UploadedFile("完成情况报告.pdf", Pdf)] : [], [], IsFinal: true);

    private async Task<int> ApprovedAsync(HandPlan plan, AccessScope unit, int task, bool final = true)
    {
        var input = final ? Final(task) : new ReportInput(null, task, "本月进展。", 60, null, null, [], []);
        var saved = await Reports.SaveAsync(unit, plan.Id, input, submit: true);
        saved.Succeeded.Should().BeTrue(saved.Message);
        var version = await Portal.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == saved.ReportId).Select(r => r.Version).SingleAsync());
        var approved = await Reports.ApproveAsync(Office, saved.ReportId!.Value, version);
        approved.Succeeded.Should().BeTrue(approved.Message);
        return saved.ReportId.Value;
    }

    private async Task<int> OpenRoundAsync(HandPlan plan, int month, string name)
    {
        var input = RoundInput.Monthly(new DateOnly(2022, month, 1));
        input.Name = name;
        var opened = await Rounds.OpenAsync(Office, plan.Id, input);
        opened.Succeeded.Should().BeTrue(opened.Message);
        return opened.RoundId!.Value;
    }

    private Task<PlanTask> TaskAsync(int id) => Portal.WithDbAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == id));

    [Fact]
    public async Task A_task_cannot_be_closed_without_an_approved_final_report()
    {
        var plan = await PlanAsync();

        var none = await Closing.CloseAsync(Office, plan.One);
        var submitted = await Reports.SaveAsync(plan.UnitA, plan.Id, Final(1), submit: true);
        var waiting = await Closing.CloseAsync(Office, plan.One);
        var explicitly = await Closing.CloseAsync(Office, plan.One, submitted.ReportId);
        var notFinal = await ApprovedAsync(plan, plan.UnitB, 2, final: false);
        var onProgress = await Closing.CloseAsync(Office, plan.Two, notFinal);

        none.Message.Should().Be("任务 1 尚无审核通过的销号申请报送，不能销号。");
        waiting.Message.Should().Be("任务 1 尚无审核通过的销号申请报送，不能销号。", "the final report is submitted, not approved");
        explicitly.Succeeded.Should().BeFalse();
        onProgress.Succeeded.Should().BeFalse("an approved progress report is not a final report");
        (await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.PlanId == plan.Id && t.ClosedAt != null))).Should().Be(0);
    }

    [Fact]
    public async Task A_final_report_needs_full_progress_and_evidence()
    {
        var plan = await PlanAsync();

        var partial = await Reports.SaveAsync(plan.UnitA, plan.Id, Final(1, progress: 90), submit: true);
        var bare = await Reports.SaveAsync(plan.UnitA, plan.Id, Final(1, withEvidence: false), submit: true);
        var draft = await Reports.SaveAsync(plan.UnitA, plan.Id, Final(1, withEvidence: false), submit: false);

        partial.Errors.Should().ContainKey("ClaimedProgress").WhoseValue.Should().Be("申请销号的报送，完成进度应为 100%。");
        bare.Errors.Should().ContainKey("Files").WhoseValue.Should().Be("申请销号须上传至少一个佐证材料（如完成情况报告、文件、照片）。");
        draft.Succeeded.Should().BeTrue("a draft may wait for its evidence");
        (await Reports.GetAsync(plan.UnitA, draft.ReportId!.Value))!.IsFinal.Should().BeTrue();
    }

    [Fact]
    public async Task Closing_on_the_approved_final_report_completes_the_task_and_it_leaves_the_open_rounds()
    {
        var plan = await PlanAsync();
        var may = await OpenRoundAsync(plan, 5, "2022年5月调度");
        (await Rounds.CloseAsync(Office, may)).Succeeded.Should().BeTrue();
        var june = await OpenRoundAsync(plan, 6, "2022年6月调度");
        var report = await ApprovedAsync(plan, plan.UnitA, 2);
        (await Closing.CloseAsync(Leadership, plan.Two)).Succeeded.Should().BeFalse("leadership changes nothing");
        (await Closing.CloseAsync(plan.UnitA, plan.Two)).Succeeded.Should().BeFalse("a unit asks, the office closes");
        var last = await Portal.LastAuditIdAsync();

        var closed = await Closing.CloseAsync(Office, plan.Two);

        closed.Succeeded.Should().BeTrue(closed.Message);
        closed.Message.Should().Contain("1 份");
        (await TaskAsync(plan.Two)).Should().Match<PlanTask>(t => t.ClosedAt != null && t.ClosedBy == "office1" && t.ClosingReportId == report
            && t.Status == PlanTaskStatus.Completed && t.Progress == 100);
        var juneItems = await Rounds.ItemsAsync(Office, june);
        juneItems.Where(i => i.TaskNumber == 2).Select(i => i.State).Should().Equal([ExpectedReportState.Approved], "甲's final report stays; 乙's missing report is no longer asked");
        (await Rounds.GetAsync(Office, june))!.Figures.Expected.Should().Be(2);
        (await Rounds.ItemsAsync(Office, may)).Count(i => i.TaskNumber == 2).Should().Be(2, "a closed round keeps its record");
        (await Rounds.PreviewAsync(plan.Id, null)).Should().Be((1, 1), "a new round asks only task 1");
        var july = await OpenRoundAsync(plan, 7, "2022年7月调度");
        (await Rounds.ItemsAsync(Office, july)).Select(i => i.TaskNumber).Should().Equal(1);
        (await Closing.CloseAsync(Office, plan.Two)).Succeeded.Should().BeFalse("it is closed already");

        var audit = (await Portal.AuditSinceAsync(last)).Where(e => e.EntityType == "PlanTask").ToList();
        audit.Should().OnlyContain(e => e.Action == "CloseTask" && e.PlanTaskId == plan.Two && e.Actor == "office1");
        audit.Select(e => e.Field).Should().Equal("Closed", "Status");
        audit[0].NewValue.Should().Contain($"#{report}");
    }

    [Fact]
    public async Task Reopening_puts_a_task_back_into_open_rounds_while_closed_rounds_keep_what_they_had()
    {
        var plan = await PlanAsync();
        var may = await OpenRoundAsync(plan, 5, "2022年5月调度");
        await ApprovedAsync(plan, plan.UnitA, 2);
        (await Closing.CloseAsync(Office, plan.Two)).Succeeded.Should().BeTrue();
        (await Rounds.CloseAsync(Office, may)).Succeeded.Should().BeTrue();
        var june = await OpenRoundAsync(plan, 6, "2022年6月调度");
        (await Rounds.GetAsync(Office, may))!.Figures.Expected.Should().Be(2, "task 1 甲 and 甲's report on task 2, which was closed while May was open");
        (await Rounds.GetAsync(Office, june))!.Figures.Expected.Should().Be(1, "June opened while task 2 was closed");

        (await Closing.ReopenAsync(Office, plan.Two, "复核发现佐证材料不全")).Succeeded.Should().BeTrue();

        (await Rounds.ItemsAsync(Office, june)).Select(i => (i.TaskNumber, i.State)).Should().BeEquivalentTo(new[]
        {
            (1, ExpectedReportState.Missing), (2, ExpectedReportState.Missing), (2, ExpectedReportState.Missing),
        }, "the open round asks the re-opened task of both its units");
        (await Rounds.GetAsync(Office, may))!.Figures.Expected.Should().Be(2, "May had ended with task 2 closed");

        (await Rounds.CloseAsync(Office, june)).Succeeded.Should().BeTrue();
        await ApprovedAsync(plan, plan.UnitA, 1);
        (await Closing.CloseAsync(Office, plan.One)).Succeeded.Should().BeTrue();

        (await Rounds.GetAsync(Office, june))!.Figures.Should().Be(new RoundFigures(3, 0, 0, 0, 0, 3, 0), "June ended with both tasks open and keeps them");
        (await Rounds.GetAsync(Office, may))!.Figures.Expected.Should().Be(2);
        (await Rounds.PreviewAsync(plan.Id, null)).Should().Be((1, 2), "a new round asks task 2 of both its units");
        (await Portal.WithDbAsync(db => db.RoundMemberships.Where(m => m.PlanTask.PlanId == plan.Id).OrderBy(m => m.RoundId).ThenBy(m => m.PlanTaskId)
            .Select(m => new { m.RoundId, m.PlanTaskId, m.Included }).ToListAsync()))
            .Should().Equal(
                [
                    new { RoundId = may, PlanTaskId = plan.One, Included = true }, new { RoundId = may, PlanTaskId = plan.Two, Included = false },
                    new { RoundId = june, PlanTaskId = plan.One, Included = true },
                ],
                "one row per closed round and task whose state changed after that round ended");
    }

    [Fact]
    public async Task A_closed_task_is_read_only()
    {
        var plan = await PlanAsync();
        await ApprovedAsync(plan, plan.UnitA, 2);
        (await Closing.CloseAsync(Office, plan.Two)).Succeeded.Should().BeTrue();
        var task = await TaskAsync(plan.Two);
        var last = await Portal.LastAuditIdAsync();

        var edit = await Workspace.SaveAsync(Office, plan.Id, new TaskEdit(2, task.Version, 0, PlanTaskStatus.InProgress, 80, "改回推进中", null, "测试", []));
        var bulk = await Workspace.BulkUpdateStatusAsync(Office, plan.Id, [1, 2], PlanTaskStatus.Suspended, "统一暂缓");
        var report = await Reports.SaveAsync(plan.UnitB, plan.Id, new ReportInput(null, 2, "补充进展。", 100, null, null, [], []), submit: false);
        var milestone = await Portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTaskId == plan.Two).Select(m => m.Id).SingleAsync());
        var extension = await new DeadlineExtensions(Contexts, Clock, Audit, NullLogger<DeadlineExtensions>.Instance)
            .RequestAsync(plan.UnitB, milestone, new ExtensionInput { RequestedDue = new DateTime(2022, 12, 31), Reason = "延期" });

        edit.Should().Match<SaveResult>(r => r.Outcome == SaveOutcome.Invalid && r.Message == TaskClosing.ReadOnlyMessage(2));
        bulk.Outcome.Should().Be(SaveOutcome.Invalid);
        bulk.Errors.Should().ContainKey("Task2").And.NotContainKey("Task1");
        report.Message.Should().Be("任务 2 已销号，不再报送进展。");
        extension.Message.Should().Be("任务 2 已销号，不能再申请延期。");
        (await Portal.AuditSinceAsync(last)).Should().BeEmpty();
        (await TaskAsync(plan.One)).Status.Should().Be(PlanTaskStatus.NotStarted, "the bulk change is all or nothing");
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_is_recorded()
    {
        var plan = await PlanAsync();
        await ApprovedAsync(plan, plan.UnitA, 1);
        (await Closing.CloseAsync(Office, plan.One)).Succeeded.Should().BeTrue();

        (await Closing.ReopenAsync(Office, plan.One, " ")).Errors.Should().ContainKey("Reason").WhoseValue.Should().Be("恢复已销号的任务须填写原因。");
        (await Closing.ReopenAsync(Leadership, plan.One, "复核")).Succeeded.Should().BeFalse();
        var last = await Portal.LastAuditIdAsync();
        (await Closing.ReopenAsync(Office, plan.One, "复核发现佐证材料不全")).Succeeded.Should().BeTrue();

        (await TaskAsync(plan.One)).Should().Match<PlanTask>(t => t.ClosedAt == null && t.ClosedBy == null && t.ClosingReportId == null);
        var entry = (await Portal.AuditSinceAsync(last)).Should().ContainSingle().Subject;
        entry.Should().Match<AuditEntry>(e => e.Action == "ReopenTask" && e.Field == "Closed" && e.NewValue == TaskClosing.Open && e.Reason == "复核发现佐证材料不全");
        (await Reports.SaveAsync(plan.UnitA, plan.Id, new ReportInput(null, 1, "补充材料。", 100, null, null, [], []), submit: false)).Succeeded.Should().BeTrue("a re-opened task takes reports again");
        (await Closing.ReopenAsync(Office, plan.One, "再次")).Succeeded.Should().BeFalse("it is open");
    }

    [Fact]
    public async Task The_task_page_shows_who_closed_it_and_the_list_marks_it()
    {
        var current = await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync();
        var task = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == current!.Id && t.LeadUnits.Any() && t.ClosedAt == null)
            .OrderByDescending(t => t.Number).Select(t => new { t.Id, t.Number, t.Title, Unit = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit).First() }).FirstAsync());
        await Portal.CreateUserAsync("closingunit", Roles.LeadUnit, task.Unit.Name);
        var unit = new AccessScope("closingunit", false, task.Unit.Id, false, false);
        var before = await fixture.Client.GetStringAsync($"/tasks/{task.Number}");
        var saved = await Reports.SaveAsync(unit, current!.Id, Final(task.Number), submit: true);
        var version = await Portal.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == saved.ReportId).Select(r => r.Version).SingleAsync());
        (await Reports.ApproveAsync(Office, saved.ReportId!.Value, version)).Succeeded.Should().BeTrue();
        (await Closing.CloseAsync(Office, task.Id)).Succeeded.Should().BeTrue();

        var after = await fixture.Client.GetStringAsync($"/tasks/{task.Number}");
        var list = await fixture.Client.GetStringAsync($"/tasks?q={Uri.EscapeDataString(task.Title)}");

        before.Should().Contain("尚无审核通过的销号申请报送");
        after.Should().Contain("已销号").And.Contain($"#{saved.ReportId}").And.Contain("恢复").And.NotContain("data-testid=\"task-editor\"");
        list.Should().Contain("已销号");
        (await Closing.ReopenAsync(Office, task.Id, "测试结束，恢复")).Succeeded.Should().BeTrue();
    }

    private sealed record HandPlan(int Id, AccessScope UnitA, AccessScope UnitB, int One, int Two);
}

public sealed class SqliteTaskClosingTests(SqlitePortal fixture) : TaskClosingTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresTaskClosingTests(PostgresPortal fixture) : TaskClosingTests(fixture), IClassFixture<PostgresPortal>;
