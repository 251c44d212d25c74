using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.History;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// 总览 and 调度通报: every figure is counted in the database (GROUP BY) within the user's scope.
/// As of today they come from the pre-aggregated snapshot (<see cref="FigureSnapshotRefresher"/>): two small
/// queries whatever the number of tasks. When the snapshot is stale (data saved since, another day) or the
/// date is another one, three GROUP BY queries over the tasks give the same figures. Milestone states follow
/// <see cref="MilestoneRules"/>; the list's <c>ms=</c> filter counts the same way.
/// </summary>
public sealed class DashboardQueries(
    IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings, FigureSnapshotRefresher? refresher = null, FigureCache? cache = null)
{
    /// <summary>Today's figures.</summary>
    public Task<DashboardFigures> LoadAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default) =>
        LoadAsync(scope, planId, clock.Today, cancellationToken);

    /// <summary>
    /// Figures as of <paramref name="asOf"/>, from the <see cref="FigureCache"/> when it has them. A past day is
    /// counted from the history (<see cref="AsOf"/>): tasks and milestones as they stood at the end of that day.
    /// </summary>
    public Task<DashboardFigures> LoadAsync(AccessScope scope, int planId, DateOnly asOf, CancellationToken cancellationToken = default) =>
        cache is null
            ? LoadUncachedAsync(scope, planId, asOf, cancellationToken)
            : cache.GetAsync(planId, scope.SeesAllTasks ? null : scope.LeadUnitId ?? -1, asOf, () => LoadUncachedAsync(scope, planId, asOf, CancellationToken.None));

    private async Task<DashboardFigures> LoadUncachedAsync(AccessScope scope, int planId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (asOf == clock.Today)
        {
            var snapshot = await db.FigureSnapshots.Where(s => s.PlanId == planId)
                .Select(s => new { s.AsOf, s.DataVersion, Current = db.PlanDataVersions.Select(v => v.Value).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (snapshot is not null && snapshot.AsOf == asOf && snapshot.DataVersion == snapshot.Current)
            {
                return await FromSnapshotAsync(db, scope, planId, asOf, cancellationToken);
            }

            refresher?.Request();
        }

        return await CountAsync(scope, planId, asOf, cancellationToken);
    }

    /// <summary>
    /// The figures counted from the tasks and milestones (of the day's history when it is a past one): three
    /// GROUP BY queries, run at once on three connections (they read the same rows for different sums; on two
    /// cores this takes about the longest of them instead of their sum).
    /// </summary>
    public async Task<DashboardFigures> CountAsync(AccessScope scope, int planId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var window = settings.WindowOn(asOf);
        var day = AsOf.PastDay(asOf, clock.Today);

        async Task<T> Run<T>(Func<AppDbContext, IQueryable<PlanTask>, IQueryable<PlanTask>, IQueryable<Milestone>, Task<T>> query)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Which tasks are in scope never changes with the day; only their states do. Scope on today's rows, so
            // the milestone and unit counts read no task history.
            var inScope = scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId);
            var tasks = day is null ? inScope : scope.Apply(AsOf.Tasks(db, day).AsNoTracking()).Where(t => t.PlanId == planId);
            return await query(db, inScope, tasks, AsOf.Milestones(db, day).AsNoTracking());
        }

        // Tasks by domain, status and whether one of their milestones is overdue: at most 19 × 4 × 2 rows.
        var byStatusQuery = Run((db, inScope, tasks, milestones) => tasks
            .Select(t => new { t.Domain.Number, t.Domain.Name, t.Status, Overdue = milestones.Any(m => m.PlanTaskId == t.Id && m.Is(MilestoneState.Overdue, window)) })
            .GroupBy(t => new { t.Number, t.Name, t.Status, t.Overdue })
            .Select(g => new { g.Key.Number, g.Key.Name, g.Key.Status, g.Key.Overdue, Count = g.Count() })
            .WithMilestoneRules()
            .ToListAsync(cancellationToken));

        // Milestones by domain and due month: every milestone figure is a sum of cells of this grid.
        var gridQuery = Run((db, inScope, tasks, milestones) => milestones.Where(m => inScope.Any(t => t.Id == m.PlanTaskId))
            .GroupBy(m => new { m.PlanTask.Domain.Number, m.Due.Year, m.Due.Month })
            .Select(g => new MilestoneCell(
                g.Key.Number,
                g.Key.Year,
                g.Key.Month,
                g.Count(),
                g.Count(m => m.Is(MilestoneState.Due, window)),
                g.Count(m => m.Is(MilestoneState.OnTime, window)),
                g.Count(m => m.Is(MilestoneState.Late, window)),
                g.Count(m => m.Is(MilestoneState.Approaching, window)),
                g.Count(m => m.Is(MilestoneState.Urgent, window)),
                g.Count(m => m.Is(MilestoneState.Overdue, window))))
            .WithMilestoneRules()
            .ToListAsync(cancellationToken));

        var unitsQuery = Run((db, inScope, tasks, milestones) =>
        {
            // A lead unit's table shows its own row only, as the snapshot does.
            var links = db.PlanTaskLeadUnits.AsNoTracking().Where(l => inScope.Any(t => t.Id == l.PlanTaskId));
            if (!scope.SeesAllTasks)
            {
                links = links.Where(l => l.LeadUnitId == scope.LeadUnitId);
            }

            return (
                    from l in links
                    join m in milestones on l.PlanTaskId equals m.PlanTaskId into ms
                    from m in ms.DefaultIfEmpty()
                    select new { l.LeadUnit.Name, l.PlanTaskId, Milestone = m })
                .GroupBy(x => x.Name)
                .Select(g => new UnitFigures(
                    g.Key,
                    g.Select(x => x.PlanTaskId).Distinct().Count(),
                    g.Count(x => x.Milestone != null && x.Milestone.Is(MilestoneState.Due, window)),
                    g.Count(x => x.Milestone != null && x.Milestone.Is(MilestoneState.OnTime, window)),
                    g.Count(x => x.Milestone != null && x.Milestone.Is(MilestoneState.Late, window)),
                    g.Count(x => x.Milestone != null && x.Milestone.Is(MilestoneState.Overdue, window))))
                .WithMilestoneRules()
                .ToListAsync(cancellationToken);
        });

        var byStatus = await byStatusQuery;
        var domainTasks = byStatus.GroupBy(x => (x.Number, x.Name)).Select(g =>
        {
            int Of(PlanTaskStatus s) => g.Where(x => x.Status == s).Sum(x => x.Count);
            return new DomainTaskCounts(g.Key.Number, g.Key.Name, new TaskFigures(g.Sum(x => x.Count), Of(PlanTaskStatus.NotStarted), Of(PlanTaskStatus.InProgress),
                Of(PlanTaskStatus.Completed), Of(PlanTaskStatus.Suspended), g.Where(x => x.Overdue).Sum(x => x.Count)));
        }).ToList();
        return Assemble(asOf, domainTasks, await gridQuery, await unitsQuery);
    }

    /// <summary>The figures from the snapshot's cells of this scope: one query (and one before it for freshness).</summary>
    private static async Task<DashboardFigures> FromSnapshotAsync(AppDbContext db, AccessScope scope, int planId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var cells = db.FigureCells.AsNoTracking().Where(c => c.PlanId == planId);
        // A scope that sees neither all tasks nor a unit's sees nothing (a null unit must not match the plan-wide cells).
        var unitId = scope.LeadUnitId ?? -1;
        cells = scope.SeesAllTasks
            ? cells.Where(c => c.LeadUnitId == null || c.DomainId == null)
            : cells.Where(c => c.LeadUnitId == unitId);
        var rows = await cells
            .Select(c => new
            {
                DomainNumber = c.Domain != null ? (int?)c.Domain.Number : null,
                DomainName = c.Domain != null ? c.Domain.Name : null,
                Unit = c.DomainId == null && c.LeadUnit != null ? c.LeadUnit.Name : null,
                c.MonthKey, c.Tasks, c.NotStarted, c.InProgress, c.Completed, c.Suspended, c.OverdueTasks,
                c.Due, c.DueSoFar, c.OnTime, c.Late, c.Approaching, c.Urgent, c.Overdue,
            })
            .ToListAsync(cancellationToken);

        var domainTasks = rows.Where(r => r.DomainNumber is not null && r.MonthKey is null)
            .Select(r => new DomainTaskCounts(r.DomainNumber!.Value, r.DomainName!, new TaskFigures(r.Tasks, r.NotStarted, r.InProgress, r.Completed, r.Suspended, r.OverdueTasks)))
            .ToList();
        var grid = rows.Where(r => r.DomainNumber is not null && r.MonthKey is not null)
            .Select(r => new MilestoneCell(r.DomainNumber!.Value, r.MonthKey!.Value / 100, r.MonthKey.Value % 100, r.Due, r.DueSoFar, r.OnTime, r.Late, r.Approaching, r.Urgent, r.Overdue))
            .ToList();
        var units = rows.Where(r => r.Unit is not null).GroupBy(r => r.Unit!)
            .Select(g => new UnitFigures(g.Key, g.Sum(r => r.Tasks), g.Sum(r => r.DueSoFar), g.Sum(r => r.OnTime), g.Sum(r => r.Late), g.Sum(r => r.Overdue)))
            .ToList();
        return Assemble(asOf, domainTasks, grid, units);
    }

    private static DashboardFigures Assemble(DateOnly asOf, IReadOnlyList<DomainTaskCounts> domainTasks, IReadOnlyList<MilestoneCell> grid, IReadOnlyList<UnitFigures> units)
    {
        var milestones = grid.GroupBy(x => x.Domain).ToDictionary(g => g.Key, g => new MilestoneFigures(
            g.Sum(x => x.DueSoFar), g.Sum(x => x.DoneOnTime), g.Sum(x => x.DoneLate), g.Sum(x => x.Approaching), g.Sum(x => x.Urgent), g.Sum(x => x.Overdue)));
        var months = grid.GroupBy(x => new DateOnly(x.Year, x.Month, 1)).Select(g => new MonthFigures(
                g.Key, g.Sum(x => x.Due), g.Sum(x => x.DoneOnTime), g.Sum(x => x.DoneLate), g.Sum(x => x.Overdue),
                g.Sum(x => x.Due - x.DoneOnTime - x.DoneLate - x.Overdue)))
            .OrderBy(m => m.Month).ToList();

        var domains = domainTasks
            .Select(d => new DomainFigures(d.Number, d.Name, d.Tasks,
                milestones.GetValueOrDefault(d.Number) ?? new MilestoneFigures(0, 0, 0, 0, 0, 0)))
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
