using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Extensions;

/// <summary>
/// 延期申请: a lead unit asks to move one milestone's deadline to a later day with a reason; the office
/// approves (the milestone keeps the plan's date in <see cref="Milestone.OriginalDue"/> and
/// <see cref="Milestone.Due"/> becomes the new one, so every rule and figure follows) or refuses with a
/// reason. Scope is checked here on every call; every step is on the task's timeline.
/// </summary>
public sealed class DeadlineExtensions(IDbContextFactory<AppDbContext> contexts, PortalClock clock, AuditWriter audit, ILogger<DeadlineExtensions> logger)
{
    /// <summary>
    /// How far an approval moves the milestone's earlier alerts' <see cref="Alert.Occurrence"/> (below zero,
    /// one band per approved extension), so they stay as history while the scanner raises 临期, 紧急 and 逾期
    /// afresh against the new date: the alert key (milestone, level, occurrence) would otherwise count them as
    /// already raised. Overdue reminders never reach this many per milestone.
    /// </summary>
    public const int AlertArchiveBand = 1_000_000;

    public async Task<ExtensionResult> RequestAsync(AccessScope scope, int milestoneId, ExtensionInput input, CancellationToken cancellationToken = default)
    {
        if (scope.LeadUnitId is not { } unitId)
        {
            return ExtensionResult.Fail("只有牵头单位可以申请延期。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var milestone = await db.Milestones.Include(m => m.PlanTask)
            .SingleOrDefaultAsync(m => m.Id == milestoneId && scope.Apply(db.PlanTasks).Any(t => t.Id == m.PlanTaskId), cancellationToken);
        if (milestone is null || !await db.PlanTaskLeadUnits.AnyAsync(l => l.PlanTaskId == milestone.PlanTaskId && l.LeadUnitId == unitId, cancellationToken))
        {
            return ExtensionResult.Fail("时间节点不存在，或不是本单位牵头的任务。");
        }

        var task = milestone.PlanTask;
        if (task.ClosedAt is not null)
        {
            return ExtensionResult.Fail($"任务 {task.Number} 已销号，不能再申请延期。");
        }

        if (milestone.IsDone)
        {
            return ExtensionResult.Fail("该时间节点已完成，无需延期。");
        }

        if (input.RequestedDue is not { } requestedTime)
        {
            return ExtensionResult.Fail("请选择延期后的完成时限。", nameof(ExtensionInput.RequestedDue));
        }

        var requested = DateOnly.FromDateTime(requestedTime);
        if (requested <= milestone.Due)
        {
            return ExtensionResult.Fail($"延期后的完成时限须晚于现在的 {StatusText.ShortDate(milestone.Due)}。", nameof(ExtensionInput.RequestedDue));
        }

        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return ExtensionResult.Fail("请说明申请延期的原因。", nameof(ExtensionInput.Reason));
        }

        if (reason.Length > TextLimits.Reason)
        {
            return ExtensionResult.Fail($"延期原因不能超过 {TextLimits.Reason} 个字（现为 {reason.Length} 个）。", nameof(ExtensionInput.Reason));
        }

        const string pending = "该时间节点已有一份延期申请在等待审批，请等审批结果后再申请。";
        if (await db.ExtensionRequests.AnyAsync(r => r.MilestoneId == milestone.Id && r.State == ExtensionState.Pending, cancellationToken))
        {
            return ExtensionResult.Fail(pending);
        }

        var request = new ExtensionRequest
        {
            MilestoneId = milestone.Id, LeadUnitId = unitId, CurrentDue = milestone.Due, RequestedDue = requested,
            Reason = reason, RequestedBy = scope.UserName, RequestedAt = clock.Now,
        };
        db.ExtensionRequests.Add(request);
        audit.TaskChanged(db, scope, task, AuditAction.RequestExtension,
            [new AuditChange(AuditField.Deadline, $"{ExtensionText.Milestone(milestone.Position, milestone.Phrase)}：{StatusText.ShortDate(milestone.Due)}", $"申请延期至 {StatusText.ShortDate(requested)}")],
            reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index: another click or user filed one for this milestone at the same moment.
            return ExtensionResult.Fail(pending);
        }

        logger.LogInformation("{User} asked to move milestone {Milestone} of task {Task} to {Due}", scope.UserName, milestone.Id, task.Number, requested);
        return ExtensionResult.Ok($"已提交任务 {task.Number} 时间节点“{milestone.Phrase}”的延期申请（至 {StatusText.LongDate(requested)}），等待省营转办审批。", request.Id);
    }

    /// <summary>Approves a pending request: the milestone's deadline moves in the same transaction.</summary>
    public Task<ExtensionResult> ApproveAsync(AccessScope scope, int requestId, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(scope, requestId, approve: true, note, cancellationToken);

    /// <summary>Refuses a pending request; the reason is required and shown to the unit.</summary>
    public Task<ExtensionResult> RefuseAsync(AccessScope scope, int requestId, string? reason, CancellationToken cancellationToken = default) =>
        DecideAsync(scope, requestId, approve: false, reason, cancellationToken);

    /// <summary>The requests of the plan the caller may see (a unit its own), pending first, then newest: one query.</summary>
    public async Task<IReadOnlyList<ExtensionView>> ListAsync(AccessScope scope, ExtensionFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = Visible(db, scope).Where(r => r.Milestone.PlanTask.PlanId == filter.PlanId);
        if (filter.State is { } state)
        {
            requests = requests.Where(r => r.State == state);
        }

        return await Project(requests.OrderBy(r => r.State == ExtensionState.Pending ? 0 : 1).ThenByDescending(r => r.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>The requests on one task the caller may see, newest first: one query.</summary>
    public async Task<IReadOnlyList<ExtensionView>> ForTaskAsync(AccessScope scope, int planId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = Visible(db, scope).Where(r => r.Milestone.PlanTask.PlanId == planId && r.Milestone.PlanTask.Number == number);
        return await Project(requests.OrderByDescending(r => r.Id)).ToListAsync(cancellationToken);
    }

    private async Task<ExtensionResult> DecideAsync(AccessScope scope, int requestId, bool approve, string? note, CancellationToken cancellationToken)
    {
        if (!scope.CanEditTasks)
        {
            return ExtensionResult.Fail("只有省营转办可以审批延期申请。");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!approve && note is null)
        {
            return ExtensionResult.Fail("不予批准须填写原因。", "Note");
        }

        if (note?.Length > TextLimits.Reason)
        {
            return ExtensionResult.Fail($"{(approve ? "审批意见" : "原因")}不能超过 {TextLimits.Reason} 个字（现为 {note.Length} 个）。", "Note");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ExtensionRequests.Include(r => r.Milestone).ThenInclude(m => m.PlanTask).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return ExtensionResult.Fail("延期申请不存在。");
        }

        if (request.State != ExtensionState.Pending)
        {
            return ExtensionResult.Fail($"该延期申请已由 {request.DecidedBy} {(request.State == ExtensionState.Approved ? "批准" : "不予批准")}。");
        }

        var milestone = request.Milestone;
        var task = milestone.PlanTask;
        if (approve && task.ClosedAt is not null)
        {
            return ExtensionResult.Fail($"任务 {task.Number} 已销号，不能再批准延期；可以不予批准。");
        }

        if (approve && request.RequestedDue <= milestone.Due)
        {
            return ExtensionResult.Fail($"时间节点的完成时限已是 {StatusText.ShortDate(milestone.Due)}，不早于申请的日期；请不予批准。");
        }

        var now = clock.Now;
        var named = ExtensionText.Milestone(milestone.Position, milestone.Phrase);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        request.State = approve ? ExtensionState.Approved : ExtensionState.Refused;
        request.DecidedBy = scope.UserName;
        request.DecidedAt = now;
        request.DecisionNote = note;
        if (approve)
        {
            var before = milestone.Due;
            milestone.OriginalDue ??= before;
            milestone.Due = request.RequestedDue;
            // The milestone's earlier alerts stay as history, out of the way of the new date's (see AlertArchiveBand).
            var band = 1 + await db.ExtensionRequests.CountAsync(r => r.MilestoneId == milestone.Id && r.State == ExtensionState.Approved, cancellationToken);
            await db.Alerts.Where(a => a.MilestoneId == milestone.Id && a.Occurrence >= 0)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Occurrence, a => a.Occurrence - (AlertArchiveBand * band)), cancellationToken);
            audit.TaskChanged(db, scope, task, AuditAction.ApproveExtension,
                [new AuditChange(AuditField.Deadline, $"{named}：{StatusText.ShortDate(before)}", $"{named}：{ExtensionText.Due(milestone.Due, milestone.OriginalDue)}")],
                note is null ? $"批准延期申请 #{request.Id}：{request.Reason}" : $"批准延期申请 #{request.Id}：{note}");
        }
        else
        {
            audit.TaskChanged(db, scope, task, AuditAction.RefuseExtension,
                [new AuditChange(AuditField.Deadline, $"{named}：申请延期至 {StatusText.ShortDate(request.RequestedDue)}", $"不予延期，仍为 {StatusText.ShortDate(milestone.Due)}")],
                note);
        }

        // Approval changes the milestone, so the save also checks and moves the task's version: a task saved
        // or a request decided by someone else since this one was loaded fails here, and nothing is written.
        // A refusal claims the request the same way through the task's version.
        if (!approve)
        {
            db.Entry(task).Property(t => t.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ExtensionResult.Fail("该延期申请或任务刚被他人处理，请刷新后重试。");
        }

        logger.LogInformation("{User} {Decision} extension request {Request} (task {Task})", scope.UserName, approve ? "approved" : "refused", request.Id, task.Number);
        return approve
            ? ExtensionResult.Ok($"已批准：任务 {task.Number}“{milestone.Phrase}”的完成时限改为 {StatusText.LongDate(milestone.Due)}（原定 {StatusText.LongDate(milestone.OriginalDue!.Value)}）。", request.Id)
            : ExtensionResult.Ok($"已不予批准任务 {task.Number}“{milestone.Phrase}”的延期申请，牵头单位将看到原因。", request.Id);
    }

    /// <summary>The office and leadership see every request, a unit those it filed, anyone else none.</summary>
    private static IQueryable<ExtensionRequest> Visible(AppDbContext db, AccessScope scope) =>
        scope.SeesAllTasks ? db.ExtensionRequests.AsNoTracking()
        : scope.LeadUnitId is { } unit ? db.ExtensionRequests.AsNoTracking().Where(r => r.LeadUnitId == unit)
        : db.ExtensionRequests.AsNoTracking().Where(_ => false);

    private static IQueryable<ExtensionView> Project(IQueryable<ExtensionRequest> requests) => requests.Select(r => new ExtensionView(
        r.Id, r.Milestone.PlanTask.Number, r.Milestone.PlanTask.Title, r.Milestone.Position, r.Milestone.Phrase, r.Milestone.Clause, r.LeadUnit.Name,
        r.CurrentDue, r.RequestedDue, r.Reason, r.RequestedBy, r.RequestedAt, r.State, r.DecidedBy, r.DecidedAt, r.DecisionNote, r.MilestoneId));
}
