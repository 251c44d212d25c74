using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Task figures of one domain (or of the whole plan).</summary>
public sealed record TaskFigures(int Total, int NotStarted, int InProgress, int Completed, int Suspended, int OverdueTasks)
{
    public double CompletionRate => Total == 0 ? 0 : (double)Completed / Total;
}

/// <summary>Milestone figures as of today.</summary>
public sealed record MilestoneFigures(int DueSoFar, int DoneOnTime, int DoneLate, int Approaching, int Urgent, int Overdue);

public sealed record DomainFigures(int Number, string Name, TaskFigures Tasks, MilestoneFigures Milestones);

public sealed record UnitFigures(string Name, int Tasks, int DueSoFar, int DoneOnTime, int DoneLate, int Overdue)
{
    /// <summary>Share of the milestones due so far that were done on time.</summary>
    public double OnTimeRate => DueSoFar == 0 ? 1 : (double)DoneOnTime / DueSoFar;
}

public sealed record DashboardFigures(TaskFigures Tasks, MilestoneFigures Milestones, IReadOnlyList<DomainFigures> Domains, IReadOnlyList<UnitFigures> Units);

/// <summary>
/// 总览: every figure is counted in the database (GROUP BY) within the user's scope, in four queries
/// whatever the number of tasks.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings)
{
    public async Task<DashboardFigures> LoadAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var urgentUntil = today.AddDays(settings.UrgentDays);
        var approachingUntil = today.AddDays(settings.ApproachingDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId);

        var byStatus = await tasks.GroupBy(t => new { t.Domain.Number, t.Domain.Name, t.Status })
            .Select(g => new { g.Key.Number, g.Key.Name, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdueTasks = await tasks.Where(t => t.Milestones.Any(m => !m.IsDone && m.Due < today))
            .GroupBy(t => t.Domain.Number).Select(g => new { Number = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Number, x => x.Count, cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => tasks.Any(t => t.Id == m.PlanTaskId))
            .GroupBy(m => m.PlanTask.Domain.Number)
            .Select(g => new
            {
                Number = g.Key,
                DueSoFar = g.Count(m => m.Due <= today),
                DoneOnTime = g.Count(m => m.IsDone && m.CompletedOn <= m.Due),
                DoneLate = g.Count(m => m.IsDone && m.CompletedOn > m.Due),
                Approaching = g.Count(m => !m.IsDone && m.Due > urgentUntil && m.Due <= approachingUntil),
                Urgent = g.Count(m => !m.IsDone && m.Due >= today && m.Due <= urgentUntil),
                Overdue = g.Count(m => !m.IsDone && m.Due < today),
            })
            .ToDictionaryAsync(x => x.Number, cancellationToken);
        var units = await db.PlanTaskLeadUnits.AsNoTracking().Where(l => tasks.Any(t => t.Id == l.PlanTaskId))
            .SelectMany(l => l.PlanTask.Milestones.DefaultIfEmpty(), (l, m) => new { l.LeadUnit.Name, l.PlanTaskId, Milestone = m })
            .GroupBy(x => x.Name)
            .Select(g => new UnitFigures(
                g.Key,
                g.Select(x => x.PlanTaskId).Distinct().Count(),
                g.Count(x => x.Milestone != null && x.Milestone.Due <= today),
                g.Count(x => x.Milestone != null && x.Milestone.IsDone && x.Milestone.CompletedOn <= x.Milestone.Due && x.Milestone.Due <= today),
                g.Count(x => x.Milestone != null && x.Milestone.IsDone && x.Milestone.CompletedOn > x.Milestone.Due),
                g.Count(x => x.Milestone != null && !x.Milestone.IsDone && x.Milestone.Due < today)))
            .ToListAsync(cancellationToken);

        var domains = byStatus.GroupBy(x => (x.Number, x.Name)).Select(g =>
        {
            int Of(PlanTaskStatus s) => g.Where(x => x.Status == s).Sum(x => x.Count);
            var m = milestones.GetValueOrDefault(g.Key.Number);
            return new DomainFigures(g.Key.Number, g.Key.Name,
                new TaskFigures(g.Sum(x => x.Count), Of(PlanTaskStatus.NotStarted), Of(PlanTaskStatus.InProgress), Of(PlanTaskStatus.Completed), Of(PlanTaskStatus.Suspended), overdueTasks.GetValueOrDefault(g.Key.Number)),
                m is null ? new MilestoneFigures(0, 0, 0, 0, 0, 0) : new MilestoneFigures(m.DueSoFar, m.DoneOnTime, m.DoneLate, m.Approaching, m.Urgent, m.Overdue));
        })
        // Most behind first: overdue milestones, then the lowest completion rate.
        .OrderByDescending(d => d.Milestones.Overdue).ThenBy(d => d.Tasks.CompletionRate).ThenBy(d => d.Number)
        .ToList();

        var total = new TaskFigures(domains.Sum(d => d.Tasks.Total), domains.Sum(d => d.Tasks.NotStarted), domains.Sum(d => d.Tasks.InProgress),
            domains.Sum(d => d.Tasks.Completed), domains.Sum(d => d.Tasks.Suspended), domains.Sum(d => d.Tasks.OverdueTasks));
        var all = new MilestoneFigures(domains.Sum(d => d.Milestones.DueSoFar), domains.Sum(d => d.Milestones.DoneOnTime), domains.Sum(d => d.Milestones.DoneLate),
            domains.Sum(d => d.Milestones.Approaching), domains.Sum(d => d.Milestones.Urgent), domains.Sum(d => d.Milestones.Overdue));
        return new DashboardFigures(total, all, domains, units.OrderByDescending(u => u.Overdue).ThenBy(u => u.OnTimeRate).ThenBy(u => u.Name, StringComparer.Ordinal).ToList());
    }
}
