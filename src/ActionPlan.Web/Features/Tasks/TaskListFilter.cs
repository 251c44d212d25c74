using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>
/// The 任务清单's filters and sort as query operators, so the list and the views built on it (the
/// 工作台账 export) select and order the same tasks. They run in the database.
/// </summary>
public static class TaskListFilter
{
    /// <summary>The tasks the list's filters select (the 按时间节点 view: those with a matching milestone).</summary>
    public static IQueryable<PlanTask> Filter(IQueryable<PlanTask> tasks, TaskListQuery query, MilestoneWindow window)
    {
        if (query.Level is { } level)
        {
            tasks = tasks.Where(MilestoneRules.TaskHasLevel(level, window));
        }

        if (query.ByMilestone)
        {
            // Tasks with at least one milestone of the 按时间节点 view (the 工作台账 of that view).
            var milestone = MilestoneRules.Where(query.Milestone, query.Month, window);
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

    /// <summary>The list's order; ties by task number.</summary>
    public static IQueryable<PlanTask> Sort(IQueryable<PlanTask> tasks, TaskListQuery query, MilestoneWindow window)
    {
        var d = query.Descending;
        var hasOpen = MilestoneRules.ExpandLambda<Func<PlanTask, int>>(t => t.Milestones.Any(m => m.Is(MilestoneState.Open, window)) ? 0 : 1);
        var nextOpenDue = MilestoneRules.ExpandLambda<Func<PlanTask, DateOnly?>>(t => t.Milestones.Where(m => m.Is(MilestoneState.Open, window)).Min(m => (DateOnly?)m.Due));
        return query.Sort switch
        {
            TaskSort.Domain => d ? tasks.OrderByDescending(t => t.Domain.Number).ThenBy(t => t.Number) : tasks.OrderBy(t => t.Domain.Number).ThenBy(t => t.Number),
            TaskSort.Title => d ? tasks.OrderByDescending(t => t.Title).ThenBy(t => t.Number) : tasks.OrderBy(t => t.Title).ThenBy(t => t.Number),
            TaskSort.Status => d ? tasks.OrderByDescending(StatusOrder).ThenBy(t => t.Number) : tasks.OrderBy(StatusOrder).ThenBy(t => t.Number),
            // Tasks with no open deadline sort last either way.
            TaskSort.Deadline => d
                ? tasks.OrderBy(hasOpen).ThenByDescending(nextOpenDue).ThenBy(t => t.Number)
                : tasks.OrderBy(hasOpen).ThenBy(nextOpenDue).ThenBy(t => t.Number),
            _ => d ? tasks.OrderByDescending(t => t.Number) : tasks.OrderBy(t => t.Number),
        };
    }
}
