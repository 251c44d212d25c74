using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.History;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>
/// The 调度通报: the figures are <see cref="DashboardQueries"/>' (the same queries as 总览) as of the
/// chosen date, the month's 报送与督办 (<see cref="RoundReportingFigures"/>, one query) and the two milestone
/// lists (one query); at most five queries whatever the plan's size (as of an earlier day: three for the figures).
/// </summary>
public sealed class DispatchReportQueries(IDbContextFactory<AppDbContext> contexts, DashboardQueries dashboard, RoundReportingFigures rounds, DeadlineSettings settings, PortalClock clock)
{
    public async Task<DispatchReport> LoadAsync(AccessScope scope, PlanOverview plan, DateOnly month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var figures = await dashboard.LoadAsync(scope, plan.Id, asOf, cancellationToken);
        var reporting = await rounds.LoadAsync(scope, plan.Id, month, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A past day's milestones as they stood then (deadline, completion), from the history.
        var day = AsOf.PastDay(asOf, clock.Today);
        var tasks = scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == plan.Id);
        var scoped = AsOf.Milestones(db, day).AsNoTracking().Where(m => tasks.Any(t => t.Id == m.PlanTaskId));

        // Both lists in one query: the overdue milestones and those due next month, each row marked with where it belongs.
        var window = settings.WindowOn(asOf);
        var (from, to) = (month.AddMonths(1), month.AddMonths(2).AddDays(-1));
        var rows = await scoped.Where(m => m.Is(MilestoneState.Overdue, window) || (m.Due >= from && m.Due <= to))
            .OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
            .Select(m => new
            {
                Overdue = m.Is(MilestoneState.Overdue, window),
                Next = (m.Due >= from && m.Due <= to),
                Row = new ReportMilestone(
                    m.PlanTask.Number,
                    m.PlanTask.Title,
                    m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                    m.PlanTask.ResponsibilityNote,
                    m.Due,
                    m.Phrase,
                    m.Is(MilestoneState.Done, window),
                    m.Is(MilestoneState.Done, window) ? m.CompletedOn : null),
            })
            .WithMilestoneRules()
            .ToListAsync(cancellationToken);
        var overdue = rows.Where(r => r.Overdue).Select(r => r.Row).ToList();
        var nextMonth = rows.Where(r => r.Next).Select(r => r.Row).ToList();

        // Overdue counts per unit are the dashboard's; the task numbers come from the overdue list.
        var units = figures.Units.Where(u => u.Overdue > 0)
            .Select(u => new UnitOverdue(u.Name, u.Overdue, overdue.Where(m => m.LeadUnits.Contains(u.Name)).Select(m => m.TaskNumber).Distinct().Order().ToList()))
            .OrderByDescending(u => u.Overdue).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        return new DispatchReport(plan.Title, plan.DocumentNumber, month, asOf, !scope.SeesAllTasks, figures, overdue, nextMonth, units, reporting);
    }
}
