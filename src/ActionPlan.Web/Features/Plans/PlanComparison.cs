using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.History;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Plans;

/// <summary>One side of a comparison row: tasks, 完成率 (completed ÷ tasks) and 按时率 (as on the 总览).</summary>
public sealed record ComparedRate(int Tasks, int Completed, double? OnTimeRate)
{
    public double CompletionRate => Tasks == 0 ? 0 : (double)Completed / Tasks;
}

/// <summary>A domain or a unit in both plans; a side is null when that plan has no such domain or gives the unit no task.</summary>
public sealed record ComparisonRow(string Name, ComparedRate? First, ComparedRate? Second);

/// <summary>Two plans side by side, each as of its day.</summary>
public sealed record PlanComparisonResult(
    PlanOverview First, DateOnly FirstAsOf, PlanOverview Second, DateOnly SecondAsOf,
    ComparedRate FirstTotal, ComparedRate SecondTotal, IReadOnlyList<ComparisonRow> Domains, IReadOnlyList<ComparisonRow> Units);

/// <summary>
/// The 总览's year-on-year view: two plans' completion and on-time rates per domain (matched by name, as domains are
/// renumbered from year to year) and per lead unit (units are shared across plans). "同期" puts the earlier plan at the
/// same day of its own year, from the history, so a running year is not measured against a finished one.
/// Three queries per plan (the 总览's figures, and the units' completed tasks), whatever the number of tasks.
/// </summary>
public sealed class PlanComparison(IDbContextFactory<AppDbContext> contexts, DashboardQueries dashboard, CurrentPlan plans, PortalClock clock)
{
    public async Task<PlanComparisonResult?> CompareAsync(AccessScope scope, int firstId, int secondId, bool sameDay, CancellationToken cancellationToken = default)
    {
        if (!scope.SeesAllTasks || firstId == secondId)
        {
            return null;
        }

        var all = await plans.ListAsync(cancellationToken);
        if (all.FirstOrDefault(p => p.Id == firstId) is not { } first || all.FirstOrDefault(p => p.Id == secondId) is not { } second)
        {
            return null;
        }

        var today = clock.Today;
        var firstDay = DayFor(first, today, sameDay, second);
        var secondDay = DayFor(second, today, sameDay, first);
        var (firstFigures, firstUnits) = await LoadAsync(scope, first.Id, firstDay, cancellationToken);
        var (secondFigures, secondUnits) = await LoadAsync(scope, second.Id, secondDay, cancellationToken);

        var domains = Match(
            firstFigures.Domains.Select(d => (Key(d.Name), d.Name, Rate(d))).ToList(),
            secondFigures.Domains.Select(d => (Key(d.Name), d.Name, Rate(d))).ToList());
        var units = Match(
            Units(firstFigures, firstUnits), Units(secondFigures, secondUnits))
            .OrderByDescending(r => (r.First?.Tasks ?? 0) + (r.Second?.Tasks ?? 0)).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new PlanComparisonResult(first, firstDay, second, secondDay, Total(firstFigures), Total(secondFigures), domains, units);
    }

    /// <summary>Today, or with 同期 the earlier plan at today's month and day of its own year (the later one stays at today).</summary>
    private static DateOnly DayFor(PlanOverview plan, DateOnly today, bool sameDay, PlanOverview other)
    {
        if (!sameDay || plan.Year >= other.Year || plan.Year >= today.Year)
        {
            return today;
        }

        var day = Math.Min(today.Day, DateTime.DaysInMonth(plan.Year, today.Month));
        return new DateOnly(plan.Year, today.Month, day);
    }

    private async Task<(DashboardFigures Figures, IReadOnlyDictionary<string, int> Completed)> LoadAsync(
        AccessScope scope, int planId, DateOnly day, CancellationToken cancellationToken)
    {
        var figures = await dashboard.LoadAsync(scope, planId, day, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var completed = await (
                from l in db.PlanTaskLeadUnits
                join t in AsOf.Tasks(db, AsOf.PastDay(day, clock.Today)) on l.PlanTaskId equals t.Id
                join u in db.LeadUnits on l.LeadUnitId equals u.Id
                where t.PlanId == planId && t.Status == PlanTaskStatus.Completed
                group l by u.Name into g
                select new { Name = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Name, x => x.Count, StringComparer.Ordinal, cancellationToken);
        return (figures, completed);
    }

    private static List<(string Key, string Name, ComparedRate Rate)> Units(DashboardFigures figures, IReadOnlyDictionary<string, int> completed) =>
        figures.Units.Select(u => (u.Name, u.Name, new ComparedRate(u.Tasks, completed.GetValueOrDefault(u.Name), u.OnTimeRate))).ToList();

    private static ComparedRate Rate(DomainFigures domain) =>
        new(domain.Tasks.Total, domain.Tasks.Completed, domain.Milestones.OnTimeRate);

    private static ComparedRate Total(DashboardFigures figures) =>
        new(figures.Tasks.Total, figures.Tasks.Completed, figures.Milestones.OnTimeRate);

    /// <summary>"优化营商环境领域。" and "优化营商环境" are one domain.</summary>
    private static string Key(string name) => StatusText.DomainNameWithoutSuffix(name);

    /// <summary>The first plan's rows in its order with the second's beside them, then the second's own.</summary>
    private static List<ComparisonRow> Match(
        IReadOnlyList<(string Key, string Name, ComparedRate Rate)> first, IReadOnlyList<(string Key, string Name, ComparedRate Rate)> second)
    {
        var byKey = second.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First());
        var rows = first.Select(f => new ComparisonRow(f.Name, f.Rate, byKey.TryGetValue(f.Key, out var s) ? s.Rate : null)).ToList();
        var firstKeys = first.Select(f => f.Key).ToHashSet();
        rows.AddRange(second.Where(s => !firstKeys.Contains(s.Key)).Select(s => new ComparisonRow(s.Name, null, s.Rate)));
        return rows;
    }
}
