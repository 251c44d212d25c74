using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Closing;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>
/// The office's changes to tasks: status, progress, texts and milestones, with the rules of the status
/// model, an audit entry per changed field in the same transaction, and optimistic concurrency.
/// </summary>
public sealed class TaskWorkspace(IDbContextFactory<AppDbContext> contexts, AuditWriter audit, PortalClock portalClock, ILogger<TaskWorkspace> logger)
{
    public async Task<SaveResult> SaveAsync(AccessScope scope, int planId, TaskEdit edit, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return SaveResult.Of(SaveOutcome.Forbidden, "只有省营转办可以修改任务。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await scope.Apply(db.PlanTasks).Include(t => t.Milestones).Include(t => t.Plan)
            .SingleOrDefaultAsync(t => t.PlanId == planId && t.Number == edit.Number, cancellationToken);
        if (task is null)
        {
            return SaveResult.Of(SaveOutcome.NotFound, "任务不存在。");
        }

        if (task.ClosedAt is not null)
        {
            return SaveResult.Of(SaveOutcome.Invalid, TaskClosing.ReadOnlyMessage(task.Number));
        }

        if (task.Version != edit.ExpectedVersion)
        {
            return await ConflictAsync(db, task.Id, edit.LastSeenAuditId, cancellationToken);
        }

        var errors = Validate(task, edit, Today());
        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, "请按提示修改后再保存。", errors, []);
        }

        var changes = Apply(task, edit);
        if (changes.Count == 0)
        {
            return SaveResult.Of(SaveOutcome.Unchanged, "没有需要保存的修改。") with { Version = task.Version };
        }

        audit.TaskChanged(db, scope, task, AuditAction.Edit, changes, Clean(edit.Reason));
        // The save stamps a new version (milestones included) and the UPDATE checks the one the form had.
        db.ExpectVersion(task, edit.ExpectedVersion);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return await ConflictAsync(fresh, task.Id, edit.LastSeenAuditId, cancellationToken);
        }

        logger.LogInformation("Task {Number} changed by {User}: {Fields}", task.Number, scope.UserName, string.Join(", ", changes.Select(c => c.StoredField)));
        return new SaveResult(SaveOutcome.Saved, $"已保存任务 {task.Number} 的 {changes.Count} 项修改。", new Dictionary<string, string>(), [], task.Version);
    }

    /// <summary>Sets the status of several tasks with one reason: all of them or none.</summary>
    public async Task<SaveResult> BulkUpdateStatusAsync(AccessScope scope, int planId, IReadOnlyCollection<int> numbers, PlanTaskStatus status, string? reason, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return SaveResult.Of(SaveOutcome.Forbidden, "只有省营转办可以修改任务。");
        }

        var why = Clean(reason);
        if (!Enum.IsDefined(status))
        {
            return new SaveResult(SaveOutcome.Invalid, "状态无效。", new Dictionary<string, string> { ["Status"] = "状态无效。" }, []);
        }

        if (numbers.Count == 0 || why is null || why.Length > TextLimits.Reason)
        {
            var message = numbers.Count == 0 ? "请先选择任务。" : why is null ? "批量修改须填写原因。" : $"原因不能超过 {TextLimits.Reason} 个字。";
            return new SaveResult(SaveOutcome.Invalid, message, new Dictionary<string, string> { [numbers.Count == 0 ? "Tasks" : "Reason"] = message }, []);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = await scope.Apply(db.PlanTasks).Include(t => t.Milestones).Include(t => t.Plan)
            .Where(t => t.PlanId == planId && numbers.Contains(t.Number)).ToListAsync(cancellationToken);
        if (tasks.Count != numbers.Distinct().Count())
        {
            return SaveResult.Of(SaveOutcome.NotFound, "所选任务中有不存在的任务，请刷新后重试。");
        }

        var errors = new Dictionary<string, string>();
        var changed = 0;
        foreach (var task in tasks.OrderBy(t => t.Number))
        {
            if (task.ClosedAt is not null)
            {
                errors[$"Task{task.Number}"] = $"任务 {task.Number}：已销号，不能修改。";
                continue;
            }

            var edit = new TaskEdit(task.Number, task.Version, 0, status, status == PlanTaskStatus.Completed ? 100 : task.Progress,
                task.ProgressSummary, task.Difficulties, why,
                task.Milestones.Select(m => new MilestoneEdit(m.Position, m.IsDone, m.CompletedOn)).ToList());
            var problems = Validate(task, edit, Today());
            if (problems.Count > 0)
            {
                errors[$"Task{task.Number}"] = $"任务 {task.Number}：{string.Join(" ", problems.Values)}";
                continue;
            }

            var changes = Apply(task, edit);
            if (changes.Count > 0)
            {
                audit.TaskChanged(db, scope, task, AuditAction.BulkStatus, changes, why);
                changed++;
            }
        }

        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, "以下任务不能改为该状态，均未修改：", errors, []);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Of(SaveOutcome.Conflict, "有任务刚被他人修改，均未保存。请刷新后重试。");
        }

        return SaveResult.Of(changed == 0 ? SaveOutcome.Unchanged : SaveOutcome.Saved,
            changed == 0 ? "所选任务已是该状态，没有修改。" : $"已将 {changed} 项任务改为“{StatusText.Label(status)}”。");
    }

    /// <summary>The task's recorded changes, newest first.</summary>
    public async Task<IReadOnlyList<AuditView>> TimelineAsync(AccessScope scope, int planId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = scope.Apply(db.PlanTasks).Where(t => t.PlanId == planId && t.Number == number);
        return await db.AuditEntries.AsNoTracking().Where(a => task.Any(t => t.Id == a.PlanTaskId)).OrderByDescending(a => a.Id)
            .Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Field, a.OldValue, a.NewValue, a.Reason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The rules of the status model. Empty when the edit may be saved.</summary>
    public static Dictionary<string, string> Validate(PlanTask task, TaskEdit edit, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var reason = Clean(edit.Reason);
        if (!Enum.IsDefined(edit.Status))
        {
            errors["Status"] = "状态无效。";
            return errors;
        }

        if (edit.Progress is < 0 or > 100)
        {
            errors["Progress"] = "进度须在 0 到 100 之间。";
        }

        if (edit.ProgressSummary?.Length > TextLimits.LongText)
        {
            errors["ProgressSummary"] = $"进展情况不能超过 {TextLimits.LongText} 个字（现为 {edit.ProgressSummary.Length} 个）。";
        }

        if (edit.Difficulties?.Length > TextLimits.LongText)
        {
            errors["Difficulties"] = $"存在问题不能超过 {TextLimits.LongText} 个字（现为 {edit.Difficulties.Length} 个）。";
        }

        if (reason?.Length > TextLimits.Reason)
        {
            errors["Reason"] = $"原因不能超过 {TextLimits.Reason} 个字。";
        }

        var milestones = task.Milestones.ToDictionary(m => m.Position);
        foreach (var m in edit.Milestones)
        {
            if (!milestones.ContainsKey(m.Position))
            {
                errors[$"Milestone{m.Position}"] = "时间节点不存在。";
            }
            else if (m.IsDone && m.CompletedOn is null)
            {
                errors[$"Milestone{m.Position}"] = "已完成的时间节点须填写完成日期。";
            }
            else if (m.IsDone && MilestoneCompletion.DateProblem(m.CompletedOn!.Value, task.Plan.Year, today) is { } problem)
            {
                errors[$"Milestone{m.Position}"] = problem;
            }
        }

        var doneBefore = task.Milestones.Count(m => m.IsDone);
        var doneAfter = task.Milestones.Count(m => edit.Milestones.FirstOrDefault(e => e.Position == m.Position) is { } e ? e.IsDone : m.IsDone);
        var openAfter = task.Milestones.Count - doneAfter;
        var statusChanges = edit.Status != task.Status;
        // A reason is asked for when the edit creates the contradiction, not again on every later edit.
        if (edit.Status == PlanTaskStatus.Suspended && reason is null && (statusChanges || task.SuspensionReason is null))
        {
            errors["Reason"] = "暂缓须填写原因。";
        }
        else if (edit.Status == PlanTaskStatus.Completed && edit.Progress != 100)
        {
            errors["Progress"] = "已完成的任务进度应为 100%。";
        }
        else if (edit.Status == PlanTaskStatus.Completed && openAfter > 0 && reason is null && (statusChanges || doneAfter < doneBefore))
        {
            errors["Reason"] = $"仍有 {openAfter} 个时间节点未完成；标记“已完成”须说明原因。";
        }
        else if (edit.Status == PlanTaskStatus.NotStarted && (edit.Progress > 0 || doneAfter > 0) && reason is null
                 && (statusChanges || edit.Progress != task.Progress || doneAfter != doneBefore))
        {
            errors["Reason"] = "“未启动”的任务已有进度或已完成的时间节点；如确需如此，请说明原因。";
        }
        else if (task.Status == PlanTaskStatus.Completed && edit.Status != PlanTaskStatus.Completed && reason is null)
        {
            errors["Reason"] = "将“已完成”的任务改回其他状态须说明原因。";
        }
        else if (task.Status == PlanTaskStatus.InProgress && edit.Status == PlanTaskStatus.NotStarted && reason is null)
        {
            errors["Reason"] = "将“推进中”的任务改回“未启动”须说明原因。";
        }

        return errors;
    }

    private static List<AuditChange> Apply(PlanTask task, TaskEdit edit)
    {
        var changes = new List<AuditChange>();
        void Set<T>(AuditField field, T current, T next, Action<T> assign, int? position = null)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
            {
                changes.Add(new AuditChange(field, current?.ToString(), next?.ToString()) { Position = position });
                assign(next);
            }
        }

        Set(AuditField.Status, task.Status, edit.Status, v => task.Status = v);
        Set(AuditField.Progress, task.Progress, edit.Progress, v => task.Progress = v);
        Set(AuditField.ProgressSummary, task.ProgressSummary, Clean(edit.ProgressSummary), v => task.ProgressSummary = v);
        Set(AuditField.Difficulties, task.Difficulties, Clean(edit.Difficulties), v => task.Difficulties = v);
        // A suspended task keeps its reason until a new one is given; leaving 暂缓 clears it.
        Set(AuditField.SuspensionReason, task.SuspensionReason, edit.Status == PlanTaskStatus.Suspended ? Clean(edit.Reason) ?? task.SuspensionReason : null, v => task.SuspensionReason = v);
        foreach (var m in edit.Milestones)
        {
            var milestone = task.Milestones.Single(x => x.Position == m.Position);
            var completedOn = m.IsDone ? m.CompletedOn : null;
            Set(AuditField.Milestone, MilestoneCompletion.Describe(milestone.IsDone, milestone.CompletedOn), MilestoneCompletion.Describe(m.IsDone, completedOn), _ =>
            {
                milestone.IsDone = m.IsDone;
                milestone.CompletedOn = completedOn;
            }, m.Position);
        }

        return changes;
    }

    /// <summary>A milestone's state in the audit trail; the timeline and the conflict list read these words.</summary>
    private async Task<SaveResult> ConflictAsync(AppDbContext db, int taskId, long lastSeenAuditId, CancellationToken cancellationToken)
    {
        var theirs = await db.AuditEntries.AsNoTracking().Where(a => a.PlanTaskId == taskId && a.Id > lastSeenAuditId).OrderBy(a => a.Id)
            .Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Field, a.OldValue, a.NewValue, a.Reason))
            .ToListAsync(cancellationToken);
        var who = string.Join("、", theirs.Select(t => t.Actor).Distinct());
        return new SaveResult(SaveOutcome.Conflict,
            $"保存失败：{(who.Length > 0 ? who : "其他人")}在您打开后修改了这项任务。您的输入仍保留在表单中，请核对对方的修改后重新保存。",
            new Dictionary<string, string>(), theirs);
    }

    private DateOnly Today() => portalClock.Today;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
