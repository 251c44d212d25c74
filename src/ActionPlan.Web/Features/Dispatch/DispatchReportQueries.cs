using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>
/// The 调度通报: the figures are <see cref="DashboardQueries"/>' (the same queries as 总览) as of the
/// chosen date, plus two milestone lists; five queries whatever the plan's size.
/// </summary>
public sealed class DispatchReportQueries(IDbContextFactory<AppDbContext> contexts, DashboardQueries dashboard, DeadlineSettings settings)
{
    public async Task<DispatchReport> LoadAsync(AccessScope scope, PlanOverview plan, DateOnly month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var figures = await dashboard.LoadAsync(scope, plan.Id, asOf, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == plan.Id);
        var scoped = db.Milestones.AsNoTracking().Where(m => tasks.Any(t => t.Id == m.PlanTaskId));

        var window = settings.WindowOn(asOf);
        var overdue = await Rows(scoped.Where(MilestoneRules.Where(MilestoneState.Overdue, null, window)), window, cancellationToken);
        var nextMonth = await Rows(scoped.Where(MilestoneRules.Where(null, month.AddMonths(1), window)), window, cancellationToken);

        // Overdue counts per unit are the dashboard's; the task numbers come from the overdue list.
        var units = figures.Units.Where(u => u.Overdue > 0)
            .Select(u => new UnitOverdue(u.Name, u.Overdue, overdue.Where(m => m.LeadUnits.Contains(u.Name)).Select(m => m.TaskNumber).Distinct().Order().ToList()))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        return new DispatchReport(plan.Title, plan.DocumentNumber, month, asOf, !scope.SeesAllTasks, figures, overdue, nextMonth, units);
    }

    /// <summary>IsDone means done by the window's day.</summary>
    private static Task<List<ReportMilestone>> Rows(IQueryable<Data.Entities.Milestone> milestones, MilestoneWindow window, CancellationToken cancellationToken) =>
        milestones.OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
            .Select(m => new ReportMilestone(
                m.PlanTask.Number,
                m.PlanTask.Title,
                m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                m.PlanTask.ResponsibilityNote,
                m.Due,
                m.Phrase,
                m.Is(MilestoneState.Done, window),
                m.Is(MilestoneState.Done, window) ? m.CompletedOn : null))
            .WithMilestoneRules()
            .ToListAsync(cancellationToken);
}
