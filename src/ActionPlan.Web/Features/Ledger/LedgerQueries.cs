using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.History;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Ledger;

/// <summary>The 工作台账's rows: the 任务清单's view, every task of it, within the caller's scope.</summary>
public sealed class LedgerQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings deadlines)
{
    /// <summary>
    /// Every task of the filtered, sorted view (no paging), for the 工作台账 export: one query. As of a past day
    /// (<paramref name="asOf"/>), tasks and milestones are as they stood at its end, filters included.
    /// </summary>
    public async Task<IReadOnlyList<LedgerRow>> ListAsync(AccessScope scope, int planId, TaskListQuery query, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var date = asOf ?? clock.Today;
        var day = AsOf.PastDay(date, clock.Today);
        var window = deadlines.WindowOn(date);
        var tasks = TaskListFilter.Filter(scope.Apply(AsOf.Tasks(db, day).AsNoTracking()).Where(t => t.PlanId == planId), query, window);
        var rows = await TaskListFilter.Sort(tasks, query, window)
            .Select(t => new
            {
                t.Number, Domain = t.Domain.Name, t.Title, t.ResponsibilityNote, t.Status, t.Progress, t.ProgressSummary, t.Difficulties,
                Units = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => new { m.Due, m.Phrase, m.IsDone, m.CompletedOn }).ToList(),
            })
            .WithMilestonesOf(db, day)
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var level = MilestoneRules.TaskLevel(r.Milestones.Select(m => (m.Due, m.IsDone, m.CompletedOn)), window);
            return new LedgerRow(
                r.Number, r.Domain, r.Title,
                StatusText.LeadUnits(r.Units, r.ResponsibilityNote ?? ""),
                string.Join("；", r.Milestones.Select(m => $"{StatusText.ShortDate(m.Due)} {m.Phrase}{(m.IsDone ? $"（已完成 {m.CompletedOn:yyyy-MM-dd}）" : "")}")),
                StatusText.Label(r.Status), r.Progress, r.ProgressSummary, r.Difficulties,
                level is { } l ? WarningText.Label(l) : null);
        }).ToList();
    }
}
