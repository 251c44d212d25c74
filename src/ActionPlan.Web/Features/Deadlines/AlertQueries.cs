using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record NotificationView(long Id, DateTimeOffset CreatedAt, bool IsRead, WarningLevel Level, int Occurrence, DateOnly AsOf, int TaskNumber, string TaskTitle, DateOnly Due, string Phrase);

public sealed record OpenWarning(WarningLevel Level, DateOnly Due, string Phrase, string Clause, int TaskNumber, string TaskTitle, int DomainNumber, string DomainName, IReadOnlyList<string> LeadUnits, int DaysLeft);

public sealed record WarningFilter(WarningLevel? Level, int? Domain, string? Unit, int? Month);

/// <summary>Reads for the bell, the notification list and the 预警 page; a fixed number of queries each.</summary>
public sealed class AlertQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings)
{
    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationView>> NotificationsAsync(string userId, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationView(n.Id, n.CreatedAt, n.ReadAt != null, (WarningLevel)n.Alert.Level, n.Alert.Occurrence, n.Alert.AsOf,
                n.Alert.Milestone.PlanTask.Number, n.Alert.Milestone.PlanTask.Title, n.Alert.Milestone.Due, n.Alert.Milestone.Phrase))
            .ToListAsync(cancellationToken);
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
            milestones = milestones.Where(m => m.Due.Month == month);
        }

        var rows = await milestones.OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number)
            .Select(m => new
            {
                m.Due, m.Phrase, m.Clause, m.PlanTask.Number, m.PlanTask.Title, DomainNumber = m.PlanTask.Domain.Number, DomainName = m.PlanTask.Domain.Name,
                Units = m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OpenWarning(settings.LevelOf(r.Due, false, null, today)!.Value, r.Due, r.Phrase, r.Clause, r.Number, r.Title,
            r.DomainNumber, r.DomainName, r.Units, r.Due.DayNumber - today.DayNumber)).ToList();
    }
}
