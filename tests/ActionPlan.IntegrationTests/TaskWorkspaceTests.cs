using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The office's task edits through <see cref="TaskWorkspace"/>, read back from the database. The fixture's
/// database is shared by the tests of a class, so every test works on task numbers no other test touches:
/// 1 forbidden · 2 save · 3 progress range · 4 forged status · 5 suspend · 6 texts · 7 conflict · 8 milestones ·
/// 9 simultaneous saves · 11–15 bulk · 16 unchanged · 61 complete without milestones · 109 complete with open milestones.
/// </summary>
public abstract class TaskWorkspaceTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Office2 = new("office2", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);

    private PortalFactory Portal => fixture.Portal;

    private TaskWorkspace Workspace => Portal.Services.GetRequiredService<TaskWorkspace>();

    [Fact]
    public async Task Office_saves_status_progress_and_texts_with_one_audit_entry_per_changed_field()
    {
        const int number = 2;
        var planId = await PlanIdAsync();
        var form = await OpenAsync(number);

        var result = await Workspace.SaveAsync(Office, planId, form with
        {
            Status = PlanTaskStatus.InProgress,
            Progress = 40,
            ProgressSummary = "已上线账户账号在线推送模式试点。",
            Difficulties = "部分商业银行系统尚未完成对接。",
        });

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        result.Errors.Should().BeEmpty();
        var task = await SnapshotAsync(number);
        task.Status.Should().Be(PlanTaskStatus.InProgress);
        task.Progress.Should().Be(40);
        task.ProgressSummary.Should().Be("已上线账户账号在线推送模式试点。");
        task.Difficulties.Should().Be("部分商业银行系统尚未完成对接。");
        task.SuspensionReason.Should().BeNull();
        task.Version.Should().NotBe(form.ExpectedVersion);
        result.Version.Should().Be(task.Version, "the page keeps the new version for its next save");

        var taskId = await TaskIdAsync(number);
        var audit = await Portal.AuditSinceAsync(form.LastSeenAuditId);
        audit.Select(a => a.Field ?? "").Should().BeEquivalentTo("Status", "Progress", "ProgressSummary", "Difficulties");
        audit.Should().OnlyContain(a => a.Actor == "office1" && a.PlanTaskId == taskId && a.Action == "Edit"
            && a.EntityType == "PlanTask" && a.EntityKey == "2" && a.Reason == null);
        audit.Single(a => a.Field == "Status").Should().Match<AuditEntry>(a => a.OldValue == "NotStarted" && a.NewValue == "InProgress");
        audit.Single(a => a.Field == "Progress").Should().Match<AuditEntry>(a => a.OldValue == "0" && a.NewValue == "40");
        audit.Single(a => a.Field == "Difficulties").Should().Match<AuditEntry>(a => a.OldValue == null && a.NewValue == "部分商业银行系统尚未完成对接。");

        var timeline = await Workspace.TimelineAsync(Office, planId, number);
        timeline.Select(t => t.Id).Should().Equal(audit.Select(a => a.Id).OrderByDescending(id => id), "the timeline is newest first");
        timeline.Should().OnlyContain(t => t.Actor == "office1");
        (await Workspace.TimelineAsync(Leadership, planId, number)).Should().HaveCount(4, "leadership reads every task's timeline");
        var otherUnit = await UnitAsync("unitC", "国网山东省电力公司");
        (await Workspace.TimelineAsync(otherUnit, planId, number)).Should().BeEmpty("a unit does not read another unit's task");
    }

    [Fact]
    public async Task Progress_outside_0_to_100_is_refused_and_nothing_is_stored()
    {
        const int number = 3;
        var planId = await PlanIdAsync();
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);

        foreach (var progress in new[] { 120, -1, 101 })
        {
            var result = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.InProgress, Progress = progress });

            result.Outcome.Should().Be(SaveOutcome.Invalid, $"progress {progress}");
            result.Errors.Keys.Should().Contain("Progress");
            await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);
        }
    }

    [Fact]
    public async Task A_forged_status_value_is_refused_and_nothing_is_stored()
    {
        const int number = 4;
        var planId = await PlanIdAsync();
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);

        var result = await Workspace.SaveAsync(Office, planId, form with { Status = (PlanTaskStatus)42, Progress = 10, ProgressSummary = "伪造状态" });
        result.Outcome.Should().Be(SaveOutcome.Invalid);
        result.Errors.Keys.Should().Contain("Status");

        var bulk = await Workspace.BulkUpdateStatusAsync(Office, planId, [number], (PlanTaskStatus)42, "伪造状态");
        bulk.Outcome.Should().Be(SaveOutcome.Invalid);
        bulk.Errors.Keys.Should().Contain("Status");

        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);
    }

    [Fact]
    public async Task Completing_a_task_with_open_milestones_needs_progress_100_and_a_reason_and_reopening_needs_a_reason()
    {
        const int number = 109;
        var planId = await PlanIdAsync();
        (await MilestonesAsync(number)).Should().HaveCount(3).And.OnlyContain(m => !m.IsDone);
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);

        var notFull = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.Completed, Progress = 90, Reason = "已基本完成" });
        notFull.Outcome.Should().Be(SaveOutcome.Invalid);
        notFull.Errors.Keys.Should().Contain("Progress");

        var noReason = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.Completed, Progress = 100 });
        noReason.Outcome.Should().Be(SaveOutcome.Invalid);
        noReason.Errors.Keys.Should().Contain("Reason");
        noReason.Errors["Reason"].Should().Contain("3 个时间节点");
        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);

        const string reason = "省大数据局函告：免证明清单与电子证照对接已合并完成。";
        var saved = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.Completed, Progress = 100, Reason = reason });

        saved.Outcome.Should().Be(SaveOutcome.Saved, saved.Message);
        var task = await SnapshotAsync(number);
        task.Status.Should().Be(PlanTaskStatus.Completed);
        task.Progress.Should().Be(100);
        (await MilestonesAsync(number)).Should().OnlyContain(m => !m.IsDone, "completing the task does not tick its milestones");
        var audit = await Portal.AuditSinceAsync(form.LastSeenAuditId);
        audit.Select(a => a.Field ?? "").Should().BeEquivalentTo("Status", "Progress");
        audit.Should().OnlyContain(a => a.Reason == reason);

        var reopen = await OpenAsync(number);
        var withoutReason = await Workspace.SaveAsync(Office, planId, reopen with { Status = PlanTaskStatus.InProgress, Progress = 80 });
        withoutReason.Outcome.Should().Be(SaveOutcome.Invalid);
        withoutReason.Errors.Keys.Should().Contain("Reason");
        (await SnapshotAsync(number)).Status.Should().Be(PlanTaskStatus.Completed);

        var reopened = await Workspace.SaveAsync(Office, planId, reopen with { Status = PlanTaskStatus.InProgress, Progress = 80, Reason = "复核发现跨部门共享调用尚未实现。" });
        reopened.Outcome.Should().Be(SaveOutcome.Saved, reopened.Message);
        (await SnapshotAsync(number)).Should().Match<Snapshot>(t => t.Status == PlanTaskStatus.InProgress && t.Progress == 80);
    }

    [Fact]
    public async Task A_task_without_milestones_can_be_completed_without_a_reason()
    {
        const int number = 61;
        var planId = await PlanIdAsync();
        (await MilestonesAsync(number)).Should().BeEmpty();
        var form = await OpenAsync(number);

        var result = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.Completed, Progress = 100 });

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        (await SnapshotAsync(number)).Should().Match<Snapshot>(t => t.Status == PlanTaskStatus.Completed && t.Progress == 100);
        (await Portal.AuditSinceAsync(form.LastSeenAuditId)).Should().OnlyContain(a => a.Reason == null);
    }

    [Fact]
    public async Task Suspending_needs_a_reason_which_is_stored_and_resuming_clears_it()
    {
        const int number = 5;
        var planId = await PlanIdAsync();
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);

        var noReason = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.Suspended, Reason = "   " });
        noReason.Outcome.Should().Be(SaveOutcome.Invalid);
        noReason.Errors.Keys.Should().Contain("Reason");
        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);

        var saved = await Workspace.SaveAsync(Office, planId, form with { Status = PlanTaskStatus.Suspended, Reason = "  待国家市场监管总局统一部署。 " });

        saved.Outcome.Should().Be(SaveOutcome.Saved, saved.Message);
        var task = await SnapshotAsync(number);
        task.Status.Should().Be(PlanTaskStatus.Suspended);
        task.SuspensionReason.Should().Be("待国家市场监管总局统一部署。", "the reason is stored trimmed");
        var audit = await Portal.AuditSinceAsync(form.LastSeenAuditId);
        audit.Select(a => a.Field ?? "").Should().BeEquivalentTo("Status", "SuspensionReason");
        audit.Should().OnlyContain(a => a.Reason == "待国家市场监管总局统一部署。");

        var resume = await OpenAsync(number);
        var resumed = await Workspace.SaveAsync(Office, planId, resume with { Status = PlanTaskStatus.InProgress, Progress = 10 });
        resumed.Outcome.Should().Be(SaveOutcome.Saved, resumed.Message);
        (await SnapshotAsync(number)).Should().Match<Snapshot>(t => t.Status == PlanTaskStatus.InProgress && t.SuspensionReason == null);
    }

    [Fact]
    public async Task A_milestone_marked_done_needs_a_completion_date_within_the_plan_year_and_not_after_today()
    {
        const int number = 8;
        var planId = await PlanIdAsync();
        var milestones = await MilestonesAsync(number);
        milestones.Select(m => (m.Position, m.Due)).Should().Equal((0, new DateOnly(2022, 6, 30)), (1, new DateOnly(2022, 9, 30)));
        var before = await SnapshotAsync(number);
        var form = (await OpenAsync(number)) with { Status = PlanTaskStatus.InProgress };

        foreach (var (on, why) in new (DateOnly?, string)[]
        {
            (null, "no date"),
            (Today().AddDays(1), "tomorrow"),
            (new DateOnly(2021, 12, 31), "before the plan year"),
        })
        {
            var result = await Workspace.SaveAsync(Office, planId, form with { Milestones = [new MilestoneEdit(0, true, on)] });

            result.Outcome.Should().Be(SaveOutcome.Invalid, why);
            result.Errors.Keys.Should().Contain("Milestone0", why);
            await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);
        }

        var unknown = await Workspace.SaveAsync(Office, planId, form with { Milestones = [new MilestoneEdit(7, true, new DateOnly(2022, 6, 15))] });
        unknown.Outcome.Should().Be(SaveOutcome.Invalid);
        unknown.Errors.Keys.Should().Contain("Milestone7");

        var notStarted = await Workspace.SaveAsync(Office, planId, form with
        {
            Status = PlanTaskStatus.NotStarted,
            Milestones = [new MilestoneEdit(0, true, new DateOnly(2022, 6, 15))],
        });
        notStarted.Outcome.Should().Be(SaveOutcome.Invalid, "a task not started with a done milestone needs a reason");
        notStarted.Errors.Keys.Should().Contain("Reason");
        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);

        var saved = await Workspace.SaveAsync(Office, planId, form with { Milestones = [new MilestoneEdit(0, true, new DateOnly(2022, 6, 15))] });

        saved.Outcome.Should().Be(SaveOutcome.Saved, saved.Message);
        var after = await MilestonesAsync(number);
        after[0].IsDone.Should().BeTrue();
        after[0].CompletedOn.Should().Be(new DateOnly(2022, 6, 15));
        after[1].IsDone.Should().BeFalse();
        after[1].CompletedOn.Should().BeNull();
        var audit = await Portal.AuditSinceAsync(form.LastSeenAuditId);
        audit.Select(a => a.Field ?? "").Should().BeEquivalentTo("Status", "Milestone0");
        audit.Single(a => a.Field == "Milestone0").Should().Match<AuditEntry>(a => a.OldValue == "未完成" && a.NewValue == "已完成 2022-06-15");
        (await SnapshotAsync(number)).Version.Should().NotBe(before.Version, "a milestone change moves the task's version too");
    }

    [Fact]
    public async Task Over_long_texts_are_refused_and_markup_is_stored_verbatim()
    {
        const int number = 6;
        var planId = await PlanIdAsync();
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);

        var longSummary = await Workspace.SaveAsync(Office, planId, form with { ProgressSummary = new string('进', TextLimits.LongText + 1) });
        longSummary.Outcome.Should().Be(SaveOutcome.Invalid);
        longSummary.Errors.Keys.Should().Contain("ProgressSummary");

        var longDifficulties = await Workspace.SaveAsync(Office, planId, form with { Difficulties = new string('难', TextLimits.LongText + 1) });
        longDifficulties.Outcome.Should().Be(SaveOutcome.Invalid);
        longDifficulties.Errors.Keys.Should().Contain("Difficulties");
        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);

        const string markup = "<script>alert(1)</script>";
        var saved = await Workspace.SaveAsync(Office, planId, form with { ProgressSummary = markup });

        saved.Outcome.Should().Be(SaveOutcome.Saved, saved.Message);
        (await SnapshotAsync(number)).ProgressSummary.Should().Be(markup);
        (await Portal.AuditSinceAsync(form.LastSeenAuditId)).Should().ContainSingle().Which.NewValue.Should().Be(markup);
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_a_conflict_that_shows_the_other_users_changes_and_loses_nothing()
    {
        const int number = 7;
        var planId = await PlanIdAsync();
        var loaded = await OpenAsync(number);
        var first = loaded with { Status = PlanTaskStatus.InProgress, Progress = 20, ProgressSummary = "已制定标准化服务指南初稿。" };
        var second = loaded with { Status = PlanTaskStatus.InProgress, Progress = 30, Difficulties = "省一体化政务服务平台接口尚未开放。" };

        var firstResult = await Workspace.SaveAsync(Office, planId, first);
        firstResult.Outcome.Should().Be(SaveOutcome.Saved, firstResult.Message);

        var conflict = await Workspace.SaveAsync(Office2, planId, second);

        conflict.Outcome.Should().Be(SaveOutcome.Conflict);
        conflict.Message.Should().Contain("office1");
        conflict.TheirChanges.Should().NotBeEmpty().And.OnlyContain(c => c.Actor == "office1");
        conflict.TheirChanges.Select(c => c.Field ?? "").Should().BeEquivalentTo("Status", "Progress", "ProgressSummary");
        var afterConflict = await SnapshotAsync(number);
        afterConflict.Progress.Should().Be(20);
        afterConflict.ProgressSummary.Should().Be("已制定标准化服务指南初稿。");
        afterConflict.Difficulties.Should().BeNull();
        afterConflict.Version.Should().Be(firstResult.Version!.Value);
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Actor == "office2" && a.EntityKey == "7"))).Should().Be(0);

        // The second user reads the other's changes, keeps them, and saves their own on the new version.
        var reloaded = await OpenAsync(number);
        var retry = second with
        {
            ExpectedVersion = reloaded.ExpectedVersion,
            LastSeenAuditId = reloaded.LastSeenAuditId,
            ProgressSummary = reloaded.ProgressSummary,
        };
        var retried = await Workspace.SaveAsync(Office2, planId, retry);

        retried.Outcome.Should().Be(SaveOutcome.Saved, retried.Message);
        var task = await SnapshotAsync(number);
        task.Progress.Should().Be(30);
        task.ProgressSummary.Should().Be("已制定标准化服务指南初稿。");
        task.Difficulties.Should().Be("省一体化政务服务平台接口尚未开放。");
        var audit = await Portal.AuditSinceAsync(loaded.LastSeenAuditId);
        audit.Where(a => a.Actor == "office1").Select(a => a.Field ?? "").Should().BeEquivalentTo("Status", "Progress", "ProgressSummary");
        audit.Where(a => a.Actor == "office2").Select(a => a.Field ?? "").Should().BeEquivalentTo("Progress", "Difficulties");
    }

    [Fact]
    public async Task Two_simultaneous_saves_of_the_same_version_store_one_and_report_a_conflict_to_the_other()
    {
        const int number = 9;
        var planId = await PlanIdAsync();
        var loaded = await OpenAsync(number);

        var results = await Task.WhenAll(
            Workspace.SaveAsync(Office, planId, loaded with { Status = PlanTaskStatus.InProgress, Progress = 20 }),
            Workspace.SaveAsync(Office2, planId, loaded with { Status = PlanTaskStatus.InProgress, Progress = 70 }));

        results.Select(r => r.Outcome).Should().BeEquivalentTo(new[] { SaveOutcome.Saved, SaveOutcome.Conflict });
        var winner = results[0].Outcome == SaveOutcome.Saved ? "office1" : "office2";
        (await SnapshotAsync(number)).Progress.Should().Be(winner == "office1" ? 20 : 70);
        (await Portal.AuditSinceAsync(loaded.LastSeenAuditId)).Should().HaveCount(2).And.OnlyContain(a => a.Actor == winner);
    }

    [Fact]
    public async Task Leadership_units_and_anonymous_cannot_change_tasks()
    {
        const int number = 1;
        var planId = await PlanIdAsync();
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);
        var ownUnit = await UnitAsync("unitA", "省市场监管局");
        var edit = form with { Status = PlanTaskStatus.InProgress, Progress = 50, ProgressSummary = "越权修改" };

        foreach (var scope in new[] { Leadership, ownUnit, AccessScope.Nobody })
        {
            (await Workspace.SaveAsync(scope, planId, edit)).Outcome.Should().Be(SaveOutcome.Forbidden, scope.UserName);
            (await Workspace.BulkUpdateStatusAsync(scope, planId, [number], PlanTaskStatus.Completed, "越权修改")).Outcome.Should().Be(SaveOutcome.Forbidden, scope.UserName);
        }

        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);
    }

    [Fact]
    public async Task Bulk_status_change_applies_to_all_tasks_with_the_reason_or_to_none()
    {
        var planId = await PlanIdAsync();
        var lastAudit = await Portal.LastAuditIdAsync();
        const string reason = "第二季度集中调度，统一启动。";

        var result = await Workspace.BulkUpdateStatusAsync(Office, planId, [11, 12, 13], PlanTaskStatus.InProgress, reason);

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        foreach (var number in new[] { 11, 12, 13 })
        {
            (await SnapshotAsync(number)).Status.Should().Be(PlanTaskStatus.InProgress, $"task {number}");
        }

        var taskIds = new[] { await TaskIdAsync(11), await TaskIdAsync(12), await TaskIdAsync(13) };
        var audit = await Portal.AuditSinceAsync(lastAudit);
        audit.Should().HaveCount(3).And.OnlyContain(a => a.Action == "BulkStatus" && a.Field == "Status" && a.Reason == reason
            && a.Actor == "office1" && a.NewValue == "InProgress");
        audit.Select(a => a.PlanTaskId).Should().BeEquivalentTo(taskIds.Select(id => (int?)id));

        var before14 = await SnapshotAsync(14);
        var before15 = await SnapshotAsync(15);
        var untouched = await Portal.LastAuditIdAsync();

        var noReason = await Workspace.BulkUpdateStatusAsync(Office, planId, [14, 15], PlanTaskStatus.InProgress, "  ");
        noReason.Outcome.Should().Be(SaveOutcome.Invalid);
        noReason.Errors.Keys.Should().Contain("Reason");

        var noTasks = await Workspace.BulkUpdateStatusAsync(Office, planId, [], PlanTaskStatus.InProgress, reason);
        noTasks.Outcome.Should().Be(SaveOutcome.Invalid);
        noTasks.Errors.Keys.Should().Contain("Tasks");

        var missing = await Workspace.BulkUpdateStatusAsync(Office, planId, [14, 15, 999], PlanTaskStatus.InProgress, reason);
        missing.Outcome.Should().Be(SaveOutcome.NotFound);

        await AssertNothingStoredAsync(14, before14, untouched);
        await AssertNothingStoredAsync(15, before15, untouched);

        var completed = await Workspace.BulkUpdateStatusAsync(Office, planId, [14, 15], PlanTaskStatus.Completed, "专项督查确认已完成。");
        completed.Outcome.Should().Be(SaveOutcome.Saved, completed.Message);
        (await SnapshotAsync(14)).Should().Match<Snapshot>(t => t.Status == PlanTaskStatus.Completed && t.Progress == 100);
        (await SnapshotAsync(15)).Should().Match<Snapshot>(t => t.Status == PlanTaskStatus.Completed && t.Progress == 100);
        (await Portal.AuditSinceAsync(untouched)).Should().OnlyContain(a => a.Action == "BulkStatus" && a.Reason == "专项督查确认已完成。")
            .And.Contain(a => a.Field == "Progress" && a.NewValue == "100");
    }

    [Fact]
    public async Task Saving_an_unchanged_form_stores_nothing()
    {
        const int number = 16;
        var planId = await PlanIdAsync();
        var before = await SnapshotAsync(number);
        var form = await OpenAsync(number);

        var result = await Workspace.SaveAsync(Office, planId, form);
        var blank = await Workspace.SaveAsync(Office, planId, form with { ProgressSummary = "   ", Difficulties = "" });

        result.Outcome.Should().Be(SaveOutcome.Unchanged, result.Message);
        result.Version.Should().Be(before.Version);
        blank.Outcome.Should().Be(SaveOutcome.Unchanged, "blank texts are stored as no text");
        await AssertNothingStoredAsync(number, before, form.LastSeenAuditId);
    }

    private sealed record Snapshot(PlanTaskStatus Status, int Progress, string? ProgressSummary, string? Difficulties, string? SuspensionReason, Guid Version, string Milestones);

    // The portal's today (Beijing's date, Clock:TimeZone), not the machine's: they differ for eight hours a day.
    private static DateOnly Today() => new ActionPlan.Web.Features.Shared.PortalClock(TimeProvider.System, new ActionPlan.Web.Features.Shared.ClockOptions()).Today;

    private Task<int> PlanIdAsync() => Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

    private Task<int> TaskIdAsync(int number) => Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == number).Select(t => t.Id).SingleAsync());

    private async Task<AccessScope> UnitAsync(string userName, string unit)
    {
        var id = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync());
        return new AccessScope(userName, false, id, false, false);
    }

    /// <summary>The form as the page loads it: the task's current values, its version and the last audit id.</summary>
    private async Task<TaskEdit> OpenAsync(int number)
    {
        var lastAudit = await Portal.LastAuditIdAsync();
        var task = await Portal.WithDbAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Number == number));
        return new TaskEdit(number, task.Version, lastAudit, task.Status, task.Progress, task.ProgressSummary, task.Difficulties, null, []);
    }

    private async Task<Snapshot> SnapshotAsync(int number)
    {
        var task = await Portal.WithDbAsync(db => db.PlanTasks.AsNoTracking().Include(t => t.Milestones).SingleAsync(t => t.Number == number));
        return new Snapshot(task.Status, task.Progress, task.ProgressSummary, task.Difficulties, task.SuspensionReason, task.Version,
            string.Join("; ", task.Milestones.OrderBy(m => m.Position).Select(m => $"{m.Position}:{m.IsDone}:{m.CompletedOn:yyyy-MM-dd}")));
    }

    private Task<List<Milestone>> MilestonesAsync(int number) =>
        Portal.WithDbAsync(db => db.Milestones.AsNoTracking().Where(m => m.PlanTask.Number == number).OrderBy(m => m.Position).ToListAsync());

    private async Task AssertNothingStoredAsync(int number, Snapshot before, long lastAudit)
    {
        (await SnapshotAsync(number)).Should().Be(before, $"task {number} must keep its values");
        (await Portal.AuditSinceAsync(lastAudit)).Should().BeEmpty("nothing was saved, so nothing was recorded");
    }
}

public sealed class SqliteTaskWorkspaceTests(SqlitePortal fixture) : TaskWorkspaceTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresTaskWorkspaceTests(PostgresPortal fixture) : TaskWorkspaceTests(fixture), IClassFixture<PostgresPortal>;
