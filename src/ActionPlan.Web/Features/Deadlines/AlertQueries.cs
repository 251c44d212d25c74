using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>One digest and the alerts it covers for this user.</summary>
public sealed record NotificationView(long Id, DateTimeOffset CreatedAt, bool IsRead, int AlertCount, IReadOnlyList<AlertView> Alerts);

public sealed record AlertView(WarningLevel Level, int Occurrence, DateOnly AsOf, int TaskNumber, string TaskTitle, DateOnly Due, string Phrase);

public sealed record OpenWarning(WarningLevel Level, DateOnly Due, string Phrase, string Clause, int TaskNumber, string TaskTitle, int DomainNumber, string DomainName, IReadOnlyList<string> LeadUnits, string? ResponsibilityNote, int DaysLeft);

/// <param name="Month">First day of the month whose milestones are due.</param>
public sealed record WarningFilter(WarningLevel? Level, int? Domain, string? Unit, DateOnly? Month)
{
    public static readonly WarningFilter None = new(null, null, null, null);
}

/// <summary>Open warnings of one domain or unit, per level.</summary>
public sealed record WarningCounts(string Name, string Link, int Overdue, int Urgent, int Approaching)
{
    public int Total => Overdue + Urgent + Approaching;

    /// <summary>
    /// The roll-up per domain and per lead unit, counted from the unfiltered warning list the page has already
    /// read (the same milestones, scope and levels), so it costs no query of its own.
    /// </summary>
    public static (IReadOnlyList<WarningCounts> Domains, IReadOnlyList<WarningCounts> Units) Of(IReadOnlyList<OpenWarning> rows)
    {
        static WarningCounts Count(string name, string link, IEnumerable<OpenWarning> group) => new(name, link,
            group.Count(r => r.Level == WarningLevel.Overdue), group.Count(r => r.Level == WarningLevel.Urgent), group.Count(r => r.Level == WarningLevel.Approaching));

        return (
            rows.GroupBy(r => (r.DomainNumber, r.DomainName)).OrderBy(g => g.Key.DomainNumber)
                .Select(g => Count($"（{g.Key.DomainNumber}）{g.Key.DomainName}", $"alerts?domain={g.Key.DomainNumber}", g)).ToList(),
            rows.SelectMany(r => r.LeadUnits, (r, unit) => (Unit: unit, Row: r)).GroupBy(x => x.Unit, x => x.Row)
                .Select(g => Count(g.Key, $"alerts?unit={Uri.EscapeDataString(g.Key)}", g))
                .OrderByDescending(u => u.Overdue).ThenByDescending(u => u.Total).ThenBy(u => u.Name, StringComparer.Ordinal).ToList());
    }
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
        return rows.Select(r => new OpenWarning(settings.LevelOf(r.Due, false, null, today)!.Value, r.Due, r.Phrase, r.Clause, r.Number, r.Title,
            r.DomainNumber, r.DomainName, r.Units, r.ResponsibilityNote, r.Due.DayNumber - today.DayNumber)).ToList();
    }
}
