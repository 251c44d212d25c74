using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Plans;

/// <summary>One plan in 计划管理.</summary>
public sealed record PlanRow(
    int Id, int Year, string Title, string DocumentNumber, string SourceName, int Tasks, int Completed,
    DateTimeOffset ImportedAt, DateTimeOffset? ArchivedAt, string? ArchivedBy)
{
    public bool IsArchived => ArchivedAt is not null;
}

/// <summary>What archiving or re-opening did: a message for the user, success or why not.</summary>
public sealed record PlanChangeResult(bool Succeeded, string Message);

/// <summary>
/// The plans the portal holds: listed for everyone but units, archived (归档: read-only, no alerts or chases) and
/// re-opened (重新开放, with a reason) by the office or an admin. Each change is audited.
/// </summary>
public sealed class PlanAdministration(IDbContextFactory<AppDbContext> contexts, AuditWriter audit, TimeProvider clock)
{
    public const string Running = "运行中";
    public const string Archived = "已归档";

    public static bool MayList(AccessScope scope) => scope.SeesAllTasks;

    public static bool MayChange(AccessScope scope) => scope.SeesAllTasks && scope.CanEditTasks;

    /// <summary>All plans, newest year first, with their task counts (one query).</summary>
    public async Task<IReadOnlyList<PlanRow>> ListAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!MayList(scope))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanRow(p.Id, p.Year, p.Title, p.DocumentNumber, p.SourceName, p.Tasks.Count,
                p.Tasks.Count(t => t.Status == PlanTaskStatus.Completed), p.ImportedAt, p.ArchivedAt, p.ArchivedBy))
            .ToListAsync(cancellationToken);
    }

    public Task<PlanChangeResult> ArchiveAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, planId, archive: true, reason: null, cancellationToken);

    /// <summary>Re-opens an archived plan; the reason is required (it is why an old year's data may change again).</summary>
    public Task<PlanChangeResult> ReopenAsync(AccessScope scope, int planId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, planId, archive: false, reason, cancellationToken);

    private async Task<PlanChangeResult> ChangeAsync(AccessScope scope, int planId, bool archive, string? reason, CancellationToken cancellationToken)
    {
        if (!MayChange(scope))
        {
            return new(false, "只有省营转办或系统管理员可以归档或重新开放计划。");
        }

        reason = reason?.Trim();
        if (!archive && string.IsNullOrEmpty(reason))
        {
            return new(false, "请填写重新开放的原因。");
        }

        if (reason is { Length: > TextLimits.Reason })
        {
            return new(false, $"原因不能超过 {TextLimits.Reason} 个字。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new(false, "没有这份计划。");
        }

        if (archive == plan.ArchivedAt is not null)
        {
            return new(false, archive ? $"《{plan.Title}》已经归档。" : $"《{plan.Title}》没有归档，无需重新开放。");
        }

        plan.ArchivedAt = archive ? clock.GetUtcNow() : null;
        plan.ArchivedBy = archive ? scope.UserName : null;
        audit.PlanChanged(db, scope, plan.Id, archive ? AuditAction.ArchivePlan : AuditAction.ReopenPlan,
            new AuditChange(AuditField.PlanState, archive ? Running : Archived, archive ? Archived : Running), reason);
        await db.SaveChangesAsync(cancellationToken);
        return new(true, archive
            ? $"《{plan.Title}》已归档：只能查看，不再预警、催报。"
            : $"《{plan.Title}》已重新开放，可以修改和报送。");
    }
}
