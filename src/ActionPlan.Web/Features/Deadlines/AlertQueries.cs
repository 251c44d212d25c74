using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>Reads for the bell, the notification list and the 预警 page; a fixed number of queries each.</summary>
public sealed class AlertQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings)
{
    /// <summary>Unread alerts of the user: the sum over unread digests.</summary>
    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).SumAsync(n => n.AlertCount, cancellationToken);
    }

    /// <summary>The user's digests, newest first, each with its alerts (two queries).</summary>
    public async Task<IReadOnlyList<NotificationView>> NotificationsAsync(AccessScope scope, string userId, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var digests = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.BatchOrder).Take(take)
            .Select(n => new { n.Id, n.CreatedAt, n.ReadAt, n.AlertCount, n.BatchOrder, n.Kind, Round = db.ReportingRounds.Where(r => r.Id == n.RoundId).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var batches = digests.Where(d => d.Kind == NotificationKind.Alerts).Select(d => (long?)d.BatchOrder).ToList();
        var tasks = scope.Apply(db.PlanTasks);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => batches.Contains(a.NotifiedOrder) && tasks.Any(t => t.Id == a.Milestone.PlanTaskId))
            .OrderBy(a => a.Milestone.Due).ThenBy(a => a.Milestone.PlanTask.Number)
            .Select(a => new { a.NotifiedOrder, View = new AlertView((WarningLevel)a.Level, a.Occurrence, a.AsOf, a.Milestone.PlanTask.Number, a.Milestone.PlanTask.Title, a.Milestone.Due, a.Milestone.Phrase) { PlanId = a.Milestone.PlanTask.PlanId } })
            .ToListAsync(cancellationToken);
        var byBatch = alerts.ToLookup(a => a.NotifiedOrder, a => a.View);
        return digests.Select(d => new NotificationView(d.Id, d.CreatedAt, d.ReadAt != null, d.AlertCount, byBatch[d.BatchOrder].ToList()) { Kind = d.Kind, RoundName = d.Round }).ToList();
    }

    /// <summary>Marks the user's notifications read: the given ones, or all when <paramref name="ids"/> is null.</summary>
    public async Task<int> MarkReadAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (ids is not null)
        {
            mine = mine.Where(n => ids.Contains(n.Id));
        }

        var now = clock.Now;
        return await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>Every open milestone that is 临期, 紧急 or 逾期 today, within the user's scope, most urgent first.</summary>
    public async Task<IReadOnlyList<OpenWarning>> OpenWarningsAsync(AccessScope scope, int planId, WarningFilter filter, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var window = settings.WindowOn(today);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = scope.Apply(db.PlanTasks).Where(t => t.PlanId == planId);
        if (filter.Domain is { } domain)
        {
            tasks = tasks.Where(t => t.Domain.Number == domain);
        }

        if (filter.Unit is { } unit)
        {
            tasks = tasks.Where(t => t.LeadUnits.Any(l => l.LeadUnit.Name == unit));
        }

        var state = filter.Level switch
        {
            WarningLevel.Overdue => MilestoneState.Overdue,
            WarningLevel.Urgent => MilestoneState.Urgent,
            WarningLevel.Approaching => MilestoneState.Approaching,
            _ => MilestoneState.Flagged,
        };
        var milestones = db.Milestones.AsNoTracking().Where(MilestoneRules.Where(state, null, window)).Where(m => tasks.Any(t => t.Id == m.PlanTaskId));
        if (filter.Month is { } month)
        {
            milestones = milestones.Where(m => m.Due >= month && m.Due < month.AddMonths(1));
        }

        var rows = await milestones.OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number)
            .Select(m => new
            {
                m.Due, m.Phrase, m.Clause, m.PlanTask.Number, m.PlanTask.Title, DomainNumber = m.PlanTask.Domain.Number, DomainName = m.PlanTask.Domain.Name,
                Units = m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                m.PlanTask.ResponsibilityNote,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OpenWarning(MilestoneRules.LevelOf(r.Due, false, null, window)!.Value, r.Due, r.Phrase, r.Clause, r.Number, r.Title,
            r.DomainNumber, r.DomainName, r.Units, r.ResponsibilityNote, r.Due.DayNumber - today.DayNumber)).ToList();
    }
}
