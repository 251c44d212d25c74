using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Tasks;

public sealed record TaskRow(
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    DateOnly? NextDue,
    string? NextPhrase,
    PlanTaskStatus Status,
    bool AnyCompletedLate)
{
    /// <summary>The task's warning level, set by the query from the portal's today.</summary>
    public WarningLevel? Warning { get; init; }
}

public sealed record TaskListResult(IReadOnlyList<TaskRow> Rows, int Total, int Page);

/// <summary>One milestone of the list's 按时间节点 view, with its task.</summary>
public sealed record MilestoneRow(
    int TaskNumber,
    int DomainNumber,
    string DomainName,
    string Title,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    int Position,
    DateOnly Due,
    string Phrase,
    bool IsDone,
    DateOnly? CompletedOn)
{
    public WarningLevel? Warning { get; init; }
}

/// <summary>A page of milestones; <see cref="Tasks"/> is how many tasks they belong to.</summary>
public sealed record MilestoneListResult(IReadOnlyList<MilestoneRow> Rows, int Total, int Tasks, int Page);

public sealed record MilestoneView(int Position, DateOnly Due, string Phrase, string Clause, bool IsDone, DateOnly? CompletedOn);

public sealed record PolicyDateView(DateOnly Date, string Phrase);

public sealed record TaskDetail(
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    PlanTaskStatus Status,
    int Progress,
    string? ProgressSummary,
    string? Difficulties,
    int SourceLine,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<PolicyDateView> PolicyDates,
    Guid Version,
    string? SuspensionReason);

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
        var today = clock.Today;
        var tasks = Filter(scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId), query, today);

        var total = await tasks.CountAsync(cancellationToken);
        var page = PageWithin(total, query);

        var rows = await Sort(tasks, query)
            .Skip((page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(t => new TaskRow(
                t.Number,
                t.Domain.Number,
                t.Domain.Name,
                t.Title,
                t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                t.ResponsibilityNote,
                t.Milestones.Where(m => !m.IsDone).Min(m => (DateOnly?)m.Due),
                t.Milestones.Where(m => !m.IsDone).OrderBy(m => m.Due).ThenBy(m => m.Position).Select(m => m.Phrase).FirstOrDefault(),
                t.Status,
                t.Milestones.Any(m => m.IsDone && m.CompletedOn > m.Due)))
            .ToListAsync(cancellationToken);
        return new TaskListResult(rows.Select(r => r with { Warning = deadlines.TaskLevel(r.NextDue, r.AnyCompletedLate, today) }).ToList(), total, page);
    }

    /// <summary>
    /// One page of milestones (the list's 按时间节点 view): the task filters select the tasks, <c>ms=</c> and
    /// <c>month=</c> the milestones. Two round trips: the counts, then the page.
    /// </summary>
    public async Task<MilestoneListResult> MilestonesAsync(AccessScope scope, int planId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var tasks = Filter(scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId), query with { Milestone = null, Month = null }, today);
        var milestones = db.Milestones.AsNoTracking()
            .Where(MilestoneStates.Predicate(query.Milestone, query.Month, today, deadlines))
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
            rows.Select(r => r with { Warning = deadlines.LevelOf(r.Due, r.IsDone, r.CompletedOn, today) }).ToList(), total, taskCount, page);
    }

    /// <summary>Every task of the filtered, sorted view (no paging), for the 工作台账 export: one query.</summary>
    public async Task<IReadOnlyList<Ledger.LedgerRow>> LedgerAsync(AccessScope scope, int planId, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var tasks = Filter(scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId), query, today);
        var rows = await Sort(tasks, query)
            .Select(t => new
            {
                t.Number, Domain = t.Domain.Name, t.Title, t.ResponsibilityNote, t.Status, t.Progress, t.ProgressSummary, t.Difficulties,
                Units = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => new { m.Due, m.Phrase, m.IsDone, m.CompletedOn }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var open = r.Milestones.Where(m => !m.IsDone).Select(m => (DateOnly?)m.Due).Min();
            var level = deadlines.TaskLevel(open, r.Milestones.Any(m => m.IsDone && m.CompletedOn > m.Due), today);
            return new Ledger.LedgerRow(
                r.Number, r.Domain, r.Title,
                StatusText.LeadUnits(r.Units, r.ResponsibilityNote ?? ""),
                string.Join("；", r.Milestones.Select(m => $"{StatusText.ShortDate(m.Due)} {m.Phrase}{(m.IsDone ? $"（已完成 {m.CompletedOn:yyyy-MM-dd}）" : "")}")),
                StatusText.Label(r.Status), r.Progress, r.ProgressSummary, r.Difficulties,
                level is { } l ? WarningText.Label(l) : null);
        }).ToList();
    }

    /// <summary>The task with <paramref name="number"/> in the plan, in one query; null when there is none.</summary>
    public async Task<TaskDetail?> GetAsync(AccessScope scope, int planId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await scope.Apply(db.PlanTasks.AsNoTracking())
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
                    .Select(m => new MilestoneView(m.Position, m.Due, m.Phrase, m.Clause, m.IsDone, m.CompletedOn)).ToList(),
                t.PolicyDates.OrderBy(d => d.Position).Select(d => new PolicyDateView(d.Date, d.Phrase)).ToList(),
                t.Version,
                t.SuspensionReason))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private IQueryable<PlanTask> Filter(IQueryable<PlanTask> tasks, TaskListQuery query, DateOnly today)
    {
        if (query.Level is { } level)
        {
            // The same thresholds as DeadlineSettings.LevelOf, applied to the earliest open milestone in SQL.
            var urgentUntil = today.AddDays(deadlines.UrgentDays);
            var approachingUntil = today.AddDays(deadlines.ApproachingDays);
            tasks = level switch
            {
                WarningLevel.Overdue => tasks.Where(t => t.Milestones.Any(m => !m.IsDone && m.Due < today)),
                WarningLevel.Urgent => tasks.Where(t => !t.Milestones.Any(m => !m.IsDone && m.Due < today) && t.Milestones.Any(m => !m.IsDone && m.Due <= urgentUntil)),
                WarningLevel.Approaching => tasks.Where(t => !t.Milestones.Any(m => !m.IsDone && m.Due <= urgentUntil) && t.Milestones.Any(m => !m.IsDone && m.Due <= approachingUntil)),
                WarningLevel.OnTrack => tasks.Where(t => t.Milestones.Any(m => !m.IsDone) && !t.Milestones.Any(m => !m.IsDone && m.Due <= approachingUntil)),
                _ => tasks.Where(t => !t.Milestones.Any(m => !m.IsDone) && t.Milestones.Any(m => m.IsDone && m.CompletedOn > m.Due)),
            };
        }

        if (query.ByMilestone)
        {
            // Tasks with at least one milestone of the 按时间节点 view (the 工作台账 of that view).
            var milestone = MilestoneStates.Predicate(query.Milestone, query.Month, today, deadlines);
            tasks = tasks.Where(t => t.Milestones.AsQueryable().Any(milestone));
        }

        if (query.Domain is { } domain)
        {
            tasks = tasks.Where(t => t.Domain.Number == domain);
        }

        if (query.Unit == TaskListQuery.NoUnit)
        {
            tasks = tasks.Where(t => !t.LeadUnits.Any());
        }
        else if (query.Unit is { } unit)
        {
            tasks = tasks.Where(t => t.LeadUnits.Any(l => l.LeadUnit.Name == unit));
        }

        if (query.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        if (query.Search is { } search)
        {
            // A bare number also finds the task with that number.
            var number = int.TryParse(search, out var n) ? n : -1;
            tasks = tasks.Where(t => t.Number == number || t.Title.Contains(search) || t.Text.Contains(search));
        }

        return tasks;
    }

    /// <summary>Status is stored as text; sort it in the order of the work, not alphabetically.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<PlanTask, int>> StatusOrder = t =>
        t.Status == PlanTaskStatus.NotStarted ? 0 : t.Status == PlanTaskStatus.InProgress ? 1 : t.Status == PlanTaskStatus.Completed ? 2 : 3;

    private static IQueryable<PlanTask> Sort(IQueryable<PlanTask> tasks, TaskListQuery query)
    {
        var d = query.Descending;
        return query.Sort switch
        {
            TaskSort.Domain => d ? tasks.OrderByDescending(t => t.Domain.Number).ThenBy(t => t.Number) : tasks.OrderBy(t => t.Domain.Number).ThenBy(t => t.Number),
            TaskSort.Title => d ? tasks.OrderByDescending(t => t.Title).ThenBy(t => t.Number) : tasks.OrderBy(t => t.Title).ThenBy(t => t.Number),
            TaskSort.Status => d ? tasks.OrderByDescending(StatusOrder).ThenBy(t => t.Number) : tasks.OrderBy(StatusOrder).ThenBy(t => t.Number),
            // Tasks with no open deadline sort last either way.
            TaskSort.Deadline => d
                ? tasks.OrderBy(t => t.Milestones.Any(m => !m.IsDone) ? 0 : 1).ThenByDescending(t => t.Milestones.Where(m => !m.IsDone).Min(m => (DateOnly?)m.Due)).ThenBy(t => t.Number)
                : tasks.OrderBy(t => t.Milestones.Any(m => !m.IsDone) ? 0 : 1).ThenBy(t => t.Milestones.Where(m => !m.IsDone).Min(m => (DateOnly?)m.Due)).ThenBy(t => t.Number),
            _ => d ? tasks.OrderByDescending(t => t.Number) : tasks.OrderBy(t => t.Number),
        };
    }
}
