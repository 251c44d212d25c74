using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>
/// Reads for the task pages, always within the caller's <see cref="AccessScope"/>. Each method is a fixed
/// number of round trips, whatever the task count.
/// </summary>
public sealed class TaskQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings deadlines)
{
    /// <summary>The requested page, or the last one when the list has become shorter.</summary>
    private static int PageWithin(int total, TaskListQuery query) => Math.Min(query.Page, Math.Max(1, (total + query.PageSize - 1) / query.PageSize));

    /// <summary>One page of the filtered, sorted list: a count and a page query.</summary>
    public async Task<TaskListResult> ListAsync(AccessScope scope, int planId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var window = deadlines.WindowOn(clock.Today);
        var tasks = TaskListFilter.Filter(scope.ApplyIncludingSupporting(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId), query, window);
        var unit = scope.SeesAllTasks ? null : scope.LeadUnitId;

        var total = await tasks.CountAsync(cancellationToken);
        var page = PageWithin(total, query);

        var rows = await TaskListFilter.Sort(tasks, query, window)
            .Skip((page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(MilestoneRules.ExpandLambda<Func<PlanTask, TaskRow>>(t => new TaskRow(
                t.Number,
                t.Domain.Number,
                t.Domain.Name,
                t.Title,
                t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                t.ResponsibilityNote,
                t.Milestones.Where(m => m.Is(MilestoneState.Open, window)).Min(m => (DateOnly?)m.Due),
                t.Milestones.Where(m => m.Is(MilestoneState.Open, window)).OrderBy(m => m.Due).ThenBy(m => m.Position).Select(m => m.Phrase).FirstOrDefault(),
                t.Status,
                t.Milestones.Any(m => m.Is(MilestoneState.Late, window)),
                t.ClosedAt != null,
                unit != null && !t.LeadUnits.Any(l => l.LeadUnitId == unit))))
            .ToListAsync(cancellationToken);
        return new TaskListResult(rows.Select(r => r with { Warning = MilestoneRules.TaskLevel(r.NextDue, r.AnyCompletedLate, window) }).ToList(), total, page);
    }

    /// <summary>
    /// One page of milestones (the list's 按时间节点 view): the task filters select the tasks, <c>ms=</c> and
    /// <c>month=</c> the milestones. Two round trips: the counts, then the page.
    /// </summary>
    public async Task<MilestoneListResult> MilestonesAsync(AccessScope scope, int planId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var window = deadlines.WindowOn(clock.Today);
        var tasks = TaskListFilter.Filter(scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId), query with { Milestone = null, Month = null }, window);
        var milestones = db.Milestones.AsNoTracking()
            .Where(MilestoneRules.Where(query.Milestone, query.Month, window))
            .Where(m => tasks.Any(t => t.Id == m.PlanTaskId));

        var counts = await milestones.GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Tasks = g.Select(m => m.PlanTaskId).Distinct().Count() })
            .FirstOrDefaultAsync(cancellationToken);
        var (total, taskCount) = counts is null ? (0, 0) : (counts.Total, counts.Tasks);
        var page = PageWithin(total, query);

        var d = query.Descending;
        var sorted = query.Sort switch
        {
            TaskSort.Number => d ? milestones.OrderByDescending(m => m.PlanTask.Number) : milestones.OrderBy(m => m.PlanTask.Number),
            TaskSort.Domain => d ? milestones.OrderByDescending(m => m.PlanTask.Domain.Number) : milestones.OrderBy(m => m.PlanTask.Domain.Number),
            _ => d ? milestones.OrderByDescending(m => m.Due) : milestones.OrderBy(m => m.Due),
        };
        var rows = await sorted.ThenBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
            .Skip((page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(m => new MilestoneRow(
                m.PlanTask.Number,
                m.PlanTask.Domain.Number,
                m.PlanTask.Domain.Name,
                m.PlanTask.Title,
                m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                m.PlanTask.ResponsibilityNote,
                m.Position,
                m.Due,
                m.Phrase,
                m.IsDone,
                m.CompletedOn))
            .ToListAsync(cancellationToken);
        return new MilestoneListResult(
            rows.Select(r => r with { Warning = MilestoneRules.LevelOf(r.Due, r.IsDone, r.CompletedOn, window) }).ToList(), total, taskCount, page);
    }

    /// <summary>The task with <paramref name="number"/> in the plan, in one query; null when there is none.</summary>
    public async Task<TaskDetail?> GetAsync(AccessScope scope, int planId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unit = scope.SeesAllTasks ? null : scope.LeadUnitId;
        return await scope.ApplyIncludingSupporting(db.PlanTasks.AsNoTracking())
            .Where(t => t.PlanId == planId && t.Number == number)
            .Select(t => new TaskDetail(
                t.Number,
                t.Domain.Number,
                t.Domain.Name,
                t.Title,
                t.Text,
                t.LeadUnitClause,
                t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                t.ResponsibilityNote,
                t.Status,
                t.Progress,
                t.ProgressSummary,
                t.Difficulties,
                t.SourceLine,
                t.Milestones.OrderBy(m => m.Position)
                    .Select(m => new MilestoneView(m.Position, m.Due, m.Phrase, m.Clause, m.IsDone, m.CompletedOn, m.Id, m.OriginalDue)).ToList(),
                t.PolicyDates.OrderBy(d => d.Position).Select(d => new PolicyDateView(d.Date, d.Phrase)).ToList(),
                t.Version,
                t.SuspensionReason,
                t.Id,
                t.ClosedAt,
                t.ClosedBy,
                t.ClosingReportId,
                db.ProgressReports.Where(r => r.PlanTaskId == t.Id && r.IsFinal && r.State == ReviewState.Approved).Max(r => (int?)r.Id))
            {
                SupportingUnits = t.SupportingUnits.OrderBy(s => s.Position).Select(s => s.LeadUnit.Name).ToList(),
                ViewerSupportsOnly = unit != null && !t.LeadUnits.Any(l => l.LeadUnitId == unit),
            })
            .FirstOrDefaultAsync(cancellationToken);
    }
}
