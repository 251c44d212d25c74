using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Tasks;
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
    /// <summary>按时率: on time among the milestones settled or missed (按时完成 ÷ (按时完成 + 逾期完成 + 逾期未完成)); null when none.</summary>
    public double? OnTimeRate => DoneOnTime + DoneLate + Overdue == 0 ? null : (double)DoneOnTime / (DoneOnTime + DoneLate + Overdue);
}

/// <summary>Milestones due in one month and how they stand: done on time, done late, overdue, still ahead.</summary>
public sealed record MonthFigures(DateOnly Month, int Due, int DoneOnTime, int DoneLate, int Overdue, int Open);

public sealed record DashboardFigures(
    DateOnly AsOf, TaskFigures Tasks, MilestoneFigures Milestones, IReadOnlyList<DomainFigures> Domains, IReadOnlyList<UnitFigures> Units, IReadOnlyList<MonthFigures> Months);

/// <summary>
/// 总览 and 调度通报: every figure is counted in the database (GROUP BY) within the user's scope, in three
/// queries whatever the number of tasks. Milestone states follow <see cref="MilestoneStates"/>; the list's
/// <c>ms=</c> filter counts the same way.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings)
{
    public Task<DashboardFigures> LoadAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default) =>
        LoadAsync(scope, planId, clock.Today, cancellationToken);

    /// <summary>
    /// Figures as of <paramref name="asOf"/>: a milestone counts as done if it was done on or before that
    /// date. Task status has no history, so task figures are always the current ones.
    /// </summary>
    public async Task<DashboardFigures> LoadAsync(AccessScope scope, int planId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var today = asOf;
        var urgentUntil = today.AddDays(settings.UrgentDays);
        var approachingUntil = today.AddDays(settings.ApproachingDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId);
        var scoped = db.Milestones.AsNoTracking().Where(m => tasks.Any(t => t.Id == m.PlanTaskId));

        // Tasks by domain, status and whether one of their milestones is overdue: at most 19 × 4 × 2 rows.
        var byStatus = await tasks
            .Select(t => new { t.Domain.Number, t.Domain.Name, t.Status, Overdue = t.Milestones.Any(m => !(m.IsDone && m.CompletedOn <= today) && m.Due < today) })
            .GroupBy(t => new { t.Number, t.Name, t.Status, t.Overdue })
            .Select(g => new { g.Key.Number, g.Key.Name, g.Key.Status, g.Key.Overdue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdueTasks = byStatus.Where(x => x.Overdue).GroupBy(x => x.Number).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

        // Milestones by domain and due month: every figure is a sum of cells of this grid (at most 19 × 12 a year),
        // so one query feeds both the domain rows and the month timeline.
        var grid = await scoped
            .GroupBy(m => new { m.PlanTask.Domain.Number, m.Due.Year, m.Due.Month })
            .Select(g => new
            {
                g.Key.Number,
                g.Key.Year,
                g.Key.Month,
                Due = g.Count(),
                DueSoFar = g.Count(m => m.Due <= today),
                DoneOnTime = g.Count(m => m.IsDone && m.CompletedOn <= today && m.CompletedOn <= m.Due),
                DoneLate = g.Count(m => m.IsDone && m.CompletedOn <= today && m.CompletedOn > m.Due),
                Approaching = g.Count(m => !(m.IsDone && m.CompletedOn <= today) && m.Due > urgentUntil && m.Due <= approachingUntil),
                Urgent = g.Count(m => !(m.IsDone && m.CompletedOn <= today) && m.Due >= today && m.Due <= urgentUntil),
                Overdue = g.Count(m => !(m.IsDone && m.CompletedOn <= today) && m.Due < today),
            })
            .ToListAsync(cancellationToken);
        var milestones = grid.GroupBy(x => x.Number).ToDictionary(g => g.Key, g => new MilestoneFigures(
            g.Sum(x => x.DueSoFar), g.Sum(x => x.DoneOnTime), g.Sum(x => x.DoneLate), g.Sum(x => x.Approaching), g.Sum(x => x.Urgent), g.Sum(x => x.Overdue)));
        var months = grid.GroupBy(x => new DateOnly(x.Year, x.Month, 1)).Select(g => new MonthFigures(
                g.Key, g.Sum(x => x.Due), g.Sum(x => x.DoneOnTime), g.Sum(x => x.DoneLate), g.Sum(x => x.Overdue),
                g.Sum(x => x.Due - x.DoneOnTime - x.DoneLate - x.Overdue)))
            .OrderBy(m => m.Month).ToList();
        var units = await db.PlanTaskLeadUnits.AsNoTracking().Where(l => tasks.Any(t => t.Id == l.PlanTaskId))
            .SelectMany(l => l.PlanTask.Milestones.DefaultIfEmpty(), (l, m) => new { l.LeadUnit.Name, l.PlanTaskId, Milestone = m })
            .GroupBy(x => x.Name)
            .Select(g => new UnitFigures(
                g.Key,
                g.Select(x => x.PlanTaskId).Distinct().Count(),
                g.Count(x => x.Milestone != null && x.Milestone.Due <= today),
                g.Count(x => x.Milestone != null && x.Milestone.IsDone && x.Milestone.CompletedOn <= today && x.Milestone.CompletedOn <= x.Milestone.Due),
                g.Count(x => x.Milestone != null && x.Milestone.IsDone && x.Milestone.CompletedOn <= today && x.Milestone.CompletedOn > x.Milestone.Due),
                g.Count(x => x.Milestone != null && !(x.Milestone.IsDone && x.Milestone.CompletedOn <= today) && x.Milestone.Due < today)))
            .ToListAsync(cancellationToken);

        var domains = byStatus.GroupBy(x => (x.Number, x.Name)).Select(g =>
        {
            int Of(PlanTaskStatus s) => g.Where(x => x.Status == s).Sum(x => x.Count);
            var m = milestones.GetValueOrDefault(g.Key.Number);
            return new DomainFigures(g.Key.Number, g.Key.Name,
                new TaskFigures(g.Sum(x => x.Count), Of(PlanTaskStatus.NotStarted), Of(PlanTaskStatus.InProgress), Of(PlanTaskStatus.Completed), Of(PlanTaskStatus.Suspended), overdueTasks.GetValueOrDefault(g.Key.Number)),
                m ?? new MilestoneFigures(0, 0, 0, 0, 0, 0));
        })
        // Most behind first: overdue milestones, then the lowest completion rate.
        .OrderByDescending(d => d.Milestones.Overdue).ThenBy(d => d.Tasks.CompletionRate).ThenBy(d => d.Number)
        .ToList();

        var total = new TaskFigures(domains.Sum(d => d.Tasks.Total), domains.Sum(d => d.Tasks.NotStarted), domains.Sum(d => d.Tasks.InProgress),
            domains.Sum(d => d.Tasks.Completed), domains.Sum(d => d.Tasks.Suspended), domains.Sum(d => d.Tasks.OverdueTasks));
        var all = new MilestoneFigures(domains.Sum(d => d.Milestones.DueSoFar), domains.Sum(d => d.Milestones.DoneOnTime), domains.Sum(d => d.Milestones.DoneLate),
            domains.Sum(d => d.Milestones.Approaching), domains.Sum(d => d.Milestones.Urgent), domains.Sum(d => d.Milestones.Overdue));
        return new DashboardFigures(
            asOf, total, all, domains,
            units.OrderByDescending(u => u.Overdue).ThenBy(u => u.OnTimeRate ?? 2).ThenBy(u => u.Name, StringComparer.Ordinal).ToList(),
            months);
    }
}
