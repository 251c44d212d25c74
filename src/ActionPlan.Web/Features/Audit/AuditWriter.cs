using System.Globalization;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;

namespace ActionPlan.Web.Features.Audit;

/// <summary>
/// The one place that builds <see cref="AuditEntry"/> rows: who (the caller's scope), when (the clock), the
/// stored names and the length limits. It adds the rows to the caller's context and never saves, so they
/// commit or roll back with the change they describe.
/// </summary>
public sealed class AuditWriter(TimeProvider clock)
{
    /// <summary>One row per changed field of a task, all with one time so the timeline shows them as one change.</summary>
    public void TaskChanged(AppDbContext db, AccessScope actor, PlanTask task, AuditAction action, IEnumerable<AuditChange> changes, string? reason = null)
    {
        var at = clock.GetUtcNow();
        var key = task.Number.ToString(CultureInfo.InvariantCulture);
        foreach (var change in changes)
        {
            Add(db, at, actor, AuditNames.TaskEntity, key, task.Id, action, change, reason);
        }
    }

    public void AccountChanged(AppDbContext db, AccessScope actor, AppUser user, AuditAction action, AuditChange change) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.AccountEntity, user.UserName ?? user.Id, null, action, change, null);

    public void RoundChanged(AppDbContext db, AccessScope actor, int roundId, AuditAction action, AuditChange change, string? reason = null) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.RoundEntity, roundId.ToString(CultureInfo.InvariantCulture), null, action, change, reason);

    /// <summary>A 督办单 change, also on its task's timeline.</summary>
    public void SlipChanged(AppDbContext db, AccessScope actor, SupervisionSlip slip, AuditAction action, AuditChange change, string? reason = null) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.SlipEntity, slip.Id.ToString(CultureInfo.InvariantCulture), slip.PlanTaskId, action, change, reason);

    /// <summary>签发 of a 调度通报.</summary>
    public void DispatchIssued(AppDbContext db, AccessScope actor, IssuedDispatchReport report, AuditChange change) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.DispatchEntity, report.Number.ToString(CultureInfo.InvariantCulture), null, AuditAction.IssueDispatch, change, null);

    /// <summary>The marker of a played demo history: the plan, the simulated days, written by the system.</summary>
    public void DemoPlayed(AppDbContext db, int planId, AuditChange change, string reason) =>
        Add(db, clock.GetUtcNow(), new AccessScope("system", true, null, false, false), AuditNames.PlanEntity, planId.ToString(CultureInfo.InvariantCulture), null,
            AuditAction.PlayDemoHistory, change, reason);

    /// <summary>An API 令牌 created or revoked, keyed by the token's id (its owner is the actor).</summary>
    public void ApiTokenChanged(AppDbContext db, AccessScope actor, ApiToken token, AuditAction action, AuditChange change) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.ApiTokenEntity, token.Id.ToString(CultureInfo.InvariantCulture), null, action, change, null);

    /// <summary>A 消息通道 added, changed or deleted, keyed by its id.</summary>
    public void ChannelChanged(AppDbContext db, AccessScope actor, int channelId, AuditAction action, AuditChange change) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.ChannelEntity, channelId.ToString(CultureInfo.InvariantCulture), null, action, change, null);

    /// <summary>A plan archived or re-opened, keyed by the plan's id.</summary>
    public void PlanChanged(AppDbContext db, AccessScope actor, int planId, AuditAction action, AuditChange change, string? reason) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.PlanEntity, planId.ToString(CultureInfo.InvariantCulture), null, action, change, reason);

    /// <summary>上传计划: the plan imported, keyed by its id.</summary>
    public void PlanImported(AppDbContext db, AccessScope actor, int planId, AuditChange change, string? reason) =>
        Add(db, clock.GetUtcNow(), actor, AuditNames.PlanEntity, planId.ToString(CultureInfo.InvariantCulture), null, AuditAction.ImportPlan, change, reason);

    private static void Add(AppDbContext db, DateTimeOffset at, AccessScope actor, string entityType, string entityKey, int? planTaskId,
        AuditAction action, AuditChange change, string? reason) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = actor.UserName,
            PlanTaskId = planTaskId,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = AuditNames.Of(action),
            Field = change.StoredField,
            OldValue = Fit(change.OldValue, TextLimits.LongText),
            NewValue = Fit(change.NewValue, TextLimits.LongText),
            Reason = Fit(reason, TextLimits.Reason),
        });

    // An audit row never fails a save for its length: a long value is kept up to what the column holds.
    private static string? Fit(string? text, int limit) => text is { Length: var length } && length > limit ? text[..limit] : text;
}
