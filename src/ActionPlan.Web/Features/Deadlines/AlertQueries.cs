using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>One digest and the alerts it covers for this user.</summary>
public sealed record NotificationView(long Id, DateTimeOffset CreatedAt, bool IsRead, int AlertCount, IReadOnlyList<AlertView> Alerts);

public sealed record AlertView(WarningLevel Level, int Occurrence, DateOnly AsOf, int TaskNumber, string TaskTitle, DateOnly Due, string Phrase);

public sealed record OpenWarning(WarningLevel Level, DateOnly Due, string Phrase, string Clause, int TaskNumber, string TaskTitle, int DomainNumber, string DomainName, IReadOnlyList<string> LeadUnits, string? ResponsibilityNote, int DaysLeft);

public sealed record WarningFilter(WarningLevel? Level, int? Domain, string? Unit, int? Month);

/// <summary>Open warnings of one domain or unit, per level.</summary>
public sealed record WarningCounts(string Name, string Link, int Overdue, int Urgent, int Approaching)
{
    public int Total => Overdue + Urgent + Approaching;
}

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
            .Select(n => new { n.Id, n.CreatedAt, n.ReadAt, n.AlertCount, n.BatchOrder })
            .ToListAsync(cancellationToken);
        var batches = digests.Select(d => (long?)d.BatchOrder).ToList();
        var tasks = scope.Apply(db.PlanTasks);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => batches.Contains(a.NotifiedOrder) && tasks.Any(t => t.Id == a.Milestone.PlanTaskId))
            .OrderBy(a => a.Milestone.Due).ThenBy(a => a.Milestone.PlanTask.Number)
            .Select(a => new { a.NotifiedOrder, View = new AlertView((WarningLevel)a.Level, a.Occurrence, a.AsOf, a.Milestone.PlanTask.Number, a.Milestone.PlanTask.Title, a.Milestone.Due, a.Milestone.Phrase) })
            .ToListAsync(cancellationToken);
        var byBatch = alerts.ToLookup(a => a.NotifiedOrder, a => a.View);
        return digests.Select(d => new NotificationView(d.Id, d.CreatedAt, d.ReadAt != null, d.AlertCount, byBatch[d.BatchOrder].ToList())).ToList();
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

    /// <summary>The roll-up: open warnings per level for each domain and each lead unit, grouped in the database (two queries).</summary>
    public async Task<(IReadOnlyList<WarningCounts> Domains, IReadOnlyList<WarningCounts> Units)> CountsAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var urgentUntil = today.AddDays(settings.UrgentDays);
        var approachingUntil = today.AddDays(settings.ApproachingDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = scope.Apply(db.PlanTasks).Where(t => t.PlanId == planId);
        var open = db.Milestones.Where(m => !m.IsDone && m.Due <= approachingUntil && tasks.Any(t => t.Id == m.PlanTaskId));

        var domains = await open
            .GroupBy(m => new { m.PlanTask.Domain.Number, m.PlanTask.Domain.Name })
            .Select(g => new
            {
                g.Key.Number, g.Key.Name,
                Overdue = g.Count(m => m.Due < today),
                Urgent = g.Count(m => m.Due >= today && m.Due <= urgentUntil),
                Approaching = g.Count(m => m.Due > urgentUntil),
            })
            .ToListAsync(cancellationToken);
        var units = await db.PlanTaskLeadUnits
            .Where(l => open.Any(m => m.PlanTaskId == l.PlanTaskId))
            .SelectMany(l => open.Where(m => m.PlanTaskId == l.PlanTaskId), (l, m) => new { l.LeadUnit.Name, m.Due })
            .GroupBy(x => x.Name)
            .Select(g => new
            {
                Name = g.Key,
                Overdue = g.Count(x => x.Due < today),
                Urgent = g.Count(x => x.Due >= today && x.Due <= urgentUntil),
                Approaching = g.Count(x => x.Due > urgentUntil),
            })
            .ToListAsync(cancellationToken);
        return (
            domains.OrderBy(d => d.Number).Select(d => new WarningCounts($"（{d.Number}）{d.Name}", $"alerts?domain={d.Number}", d.Overdue, d.Urgent, d.Approaching)).ToList(),
            units.Select(u => new WarningCounts(u.Name, $"alerts?unit={Uri.EscapeDataString(u.Name)}", u.Overdue, u.Urgent, u.Approaching)).OrderByDescending(u => u.Overdue).ThenByDescending(u => u.Total).ToList());
    }

    /// <summary>Every open milestone that is 临期, 紧急 or 逾期 today, within the user's scope, most urgent first.</summary>
    public async Task<IReadOnlyList<OpenWarning>> OpenWarningsAsync(AccessScope scope, int planId, WarningFilter filter, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var approachingUntil = today.AddDays(settings.ApproachingDays);
        var urgentUntil = today.AddDays(settings.UrgentDays);
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

        var milestones = db.Milestones.AsNoTracking().Where(m => !m.IsDone && m.Due <= approachingUntil && tasks.Any(t => t.Id == m.PlanTaskId));
        milestones = filter.Level switch
        {
            WarningLevel.Overdue => milestones.Where(m => m.Due < today),
            WarningLevel.Urgent => milestones.Where(m => m.Due >= today && m.Due <= urgentUntil),
            WarningLevel.Approaching => milestones.Where(m => m.Due > urgentUntil),
            _ => milestones,
        };
        if (filter.Month is { } month)
        {
            milestones = milestones.Where(m => m.Due.Month == month);
        }

        var rows = await milestones.OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number)
            .Select(m => new
            {
                m.Due, m.Phrase, m.Clause, m.PlanTask.Number, m.PlanTask.Title, DomainNumber = m.PlanTask.Domain.Number, DomainName = m.PlanTask.Domain.Name,
                Units = m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                m.PlanTask.ResponsibilityNote,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OpenWarning(settings.LevelOf(r.Due, false, null, today)!.Value, r.Due, r.Phrase, r.Clause, r.Number, r.Title,
            r.DomainNumber, r.DomainName, r.Units, r.ResponsibilityNote, r.Due.DayNumber - today.DayNumber)).ToList();
    }
}
