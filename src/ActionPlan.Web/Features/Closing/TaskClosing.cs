using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Closing;

/// <summary>
/// 销号: the office closes a task only on an approved final report (申请销号) of one of its units. A closed
/// task is 已完成 at 100 %, leaves the open rounds (they no longer ask what it has not reported; closed
/// rounds keep it as it was at their end) and is not asked by new rounds; it is read-only until the office re-opens it
/// (恢复) with a reason. Every step is on the task's timeline.
/// </summary>
public sealed class TaskClosing(IDbContextFactory<AppDbContext> contexts, PortalClock clock, AuditWriter audit, ILogger<TaskClosing> logger)
{
    public const string Closed = "已销号";
    public const string Open = "未销号";

    /// <summary>The message every refused change to a closed task shows.</summary>
    public static string ReadOnlyMessage(int number) => $"任务 {number} 已销号，不能再修改；如需修改，请省营转办先恢复该任务。";

    /// <summary>Closes the task on <paramref name="reportId"/>, or on its newest approved final report when null.</summary>
    public async Task<ClosingResult> CloseAsync(AccessScope scope, int taskId, int? reportId = null, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return ClosingResult.Fail("只有省营转办可以销号。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return ClosingResult.Fail("任务不存在。");
        }

        if (task.ClosedAt is not null)
        {
            return ClosingResult.Fail($"任务 {task.Number} 已于 {clock.Local(task.ClosedAt.Value):yyyy-MM-dd HH:mm} 由 {task.ClosedBy} 销号。");
        }

        var finals = db.ProgressReports.Where(r => r.PlanTaskId == task.Id && r.IsFinal && r.State == ReviewState.Approved);
        var report = await (reportId is { } id ? finals.Where(r => r.Id == id) : finals.OrderByDescending(r => r.Id))
            .Select(r => new { r.Id, r.Revision, Unit = r.LeadUnit.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return ClosingResult.Fail(reportId is null
                ? $"任务 {task.Number} 尚无审核通过的销号申请报送，不能销号。"
                : $"报送 #{reportId} 不是任务 {task.Number} 审核通过的销号申请报送，不能销号。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changes = new List<AuditChange> { new(AuditField.Closed, Open, $"{Closed}（依据{report.Unit}的销号申请报送 #{report.Id}）") };
        if (task.Status != PlanTaskStatus.Completed)
        {
            changes.Add(new(AuditField.Status, task.Status.ToString(), PlanTaskStatus.Completed.ToString()));
            task.Status = PlanTaskStatus.Completed;
        }

        if (task.Progress != 100)
        {
            changes.Add(new(AuditField.Progress, task.Progress.ToString(), "100"));
            task.Progress = 100;
        }

        if (task.SuspensionReason is not null)
        {
            changes.Add(new(AuditField.SuspensionReason, task.SuspensionReason, null));
            task.SuspensionReason = null;
        }

        task.ClosedAt = clock.Now;
        task.ClosedBy = scope.UserName;
        task.ClosingReportId = report.Id;
        // A closed task leaves the rounds still open: what they still expect of it is no longer asked, what was
        // reported stays (ExpectedReports reads that from the task). Closed rounds keep it as it was at their end.
        var left = await ExpectedReports.Of(db).CountAsync(e => e.PlanTaskId == task.Id && e.Submission == null && e.Round.ClosedAt == null, cancellationToken);
        await ExpectedReports.KeepInClosedRoundsAsync(db, task, wasOpen: true, cancellationToken);
        audit.TaskChanged(db, scope, task, AuditAction.CloseTask, changes,
            left > 0 ? $"销号；进行中的调度轮次不再要求报送（{left} 份）" : "销号");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ClosingResult.Fail("任务刚被他人修改，请刷新后重试。");
        }

        logger.LogInformation("{User} closed task {Task} on report {Report}; {Left} expected reports left open rounds", scope.UserName, task.Number, report.Id, left);
        return ClosingResult.Ok($"任务 {task.Number} 已销号{(left > 0 ? $"，进行中的调度轮次不再要求其报送（{left} 份）" : "")}。");
    }

    /// <summary>Re-opens a closed task (恢复) with a reason; its status and progress stay for the office to change.</summary>
    public async Task<ClosingResult> ReopenAsync(AccessScope scope, int taskId, string? reason, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return ClosingResult.Fail("只有省营转办可以恢复已销号的任务。");
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return ClosingResult.Fail("恢复已销号的任务须填写原因。", "Reason");
        }

        if (why.Length > TextLimits.Reason)
        {
            return ClosingResult.Fail($"原因不能超过 {TextLimits.Reason} 个字（现为 {why.Length} 个）。", "Reason");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return ClosingResult.Fail("任务不存在。");
        }

        if (task.ClosedAt is null)
        {
            return ClosingResult.Fail($"任务 {task.Number} 未销号，无需恢复。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Open rounds ask it again from now on; closed rounds keep it out, as it was at their end.
        await ExpectedReports.KeepInClosedRoundsAsync(db, task, wasOpen: false, cancellationToken);
        audit.TaskChanged(db, scope, task, AuditAction.ReopenTask,
            [new AuditChange(AuditField.Closed, $"{Closed}（{task.ClosedBy}，报送 #{task.ClosingReportId}）", Open)], why);
        task.ClosedAt = null;
        task.ClosedBy = null;
        task.ClosingReportId = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ClosingResult.Fail("任务刚被他人修改，请刷新后重试。");
        }

        logger.LogInformation("{User} re-opened task {Task}", scope.UserName, task.Number);
        return ClosingResult.Ok($"任务 {task.Number} 已恢复，可以继续修改和报送。");
    }
}
