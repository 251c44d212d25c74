using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Api;

/// <summary>
/// The REST API's reads, always within the token's <see cref="AccessScope"/>. Counts are made in the
/// database and every method is a fixed number of round trips, whatever the number of tasks. A plan that
/// does not exist gives null (404).
/// </summary>
public sealed class ApiQueries(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings deadlines, DashboardQueries dashboard)
{
    /// <summary>Every plan, newest first, with the number of tasks in scope: one query.</summary>
    public async Task<IReadOnlyList<ApiPlan>> PlansAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = scope.Apply(db.PlanTasks.AsNoTracking());
        return await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new ApiPlan(p.Id, p.Title, p.DocumentNumber, p.Year, visible.Count(t => t.PlanId == p.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The plan's domains in order, with the number of tasks in scope: one query.</summary>
    public async Task<IReadOnlyList<ApiDomain>?> DomainsAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = scope.Apply(db.PlanTasks.AsNoTracking());
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                Domains = p.Domains.OrderBy(d => d.Number).Select(d => new ApiDomain(d.Id, d.Number, d.Name, visible.Count(t => t.DomainId == d.Id))).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return plan?.Domains;
    }

    /// <summary>
    /// One page of the plan's tasks, filtered and sorted as 任务清单 does (<see cref="TaskListFilter"/>): the
    /// count (with the plan's existence), then the page with lead units and milestones.
    /// </summary>
    public async Task<ApiPage<ApiTask>?> TasksAsync(AccessScope scope, int planId, TaskListQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var window = deadlines.WindowOn(clock.Today);
        var tasks = TaskListFilter.Filter(scope.Apply(db.PlanTasks.AsNoTracking()).Where(t => t.PlanId == planId), query, window);

        var total = await db.Plans.Where(p => p.Id == planId).Select(p => (int?)tasks.Count()).FirstOrDefaultAsync(cancellationToken);
        if (total is null)
        {
            return null;
        }

        var rows = await TaskListFilter.Sort(tasks, query, window)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(t => new
            {
                t.Id, t.PlanId, t.Number, DomainNumber = t.Domain.Number, DomainName = t.Domain.Name, t.Title,
                LeadUnits = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                t.ResponsibilityNote, t.Status, t.Progress, Closed = t.ClosedAt != null,
                Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneFacts(m.Position, m.Due, m.OriginalDue, m.Phrase, m.IsDone, m.CompletedOn)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(t => new ApiTask(t.Id, t.PlanId, t.Number, t.DomainNumber, t.DomainName, t.Title, t.LeadUnits, t.ResponsibilityNote,
                t.Status, t.Progress, t.Closed, TaskLevel(t.Milestones, window), Milestones(t.Milestones, window)))
            .ToList();
        return new ApiPage<ApiTask>(items, total.Value, page, pageSize);
    }

    /// <summary>One task by its id, in one query; null when it does not exist or is outside the scope (the same answer).</summary>
    public async Task<ApiTaskDetail?> TaskAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var window = deadlines.WindowOn(clock.Today);
        var t = await scope.Apply(db.PlanTasks.AsNoTracking())
            .Where(t => t.Id == id)
            .Select(t => new
            {
                t.Id, t.PlanId, t.Number, DomainNumber = t.Domain.Number, DomainName = t.Domain.Name, t.Title, t.Text,
                LeadUnits = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToList(),
                t.ResponsibilityNote, t.Status, t.Progress, t.ProgressSummary, t.Difficulties, t.SuspensionReason, Closed = t.ClosedAt != null,
                Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneFacts(m.Position, m.Due, m.OriginalDue, m.Phrase, m.IsDone, m.CompletedOn)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return t is null
            ? null
            : new ApiTaskDetail(t.Id, t.PlanId, t.Number, t.DomainNumber, t.DomainName, t.Title, t.Text, t.LeadUnits, t.ResponsibilityNote, t.Status, t.Progress,
                t.ProgressSummary, t.Difficulties, t.SuspensionReason, t.Closed, TaskLevel(t.Milestones, window), Milestones(t.Milestones, window));
    }

    /// <summary>The 总览's figures (<see cref="DashboardQueries"/>, snapshot or counted, cached as on the page) as of <paramref name="asOf"/>.</summary>
    public async Task<ApiFigures?> FiguresAsync(AccessScope scope, int planId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
            {
                return null;
            }
        }

        var f = await dashboard.LoadAsync(scope, planId, asOf, cancellationToken);
        return new ApiFigures(planId, f.AsOf, f.Tasks, f.Milestones, f.Domains, f.Units, f.Months);
    }

    public DateOnly Today => clock.Today;

    private sealed record MilestoneFacts(int Position, DateOnly Due, DateOnly? OriginalDue, string Phrase, bool IsDone, DateOnly? CompletedOn);

    private static WarningLevel? TaskLevel(IEnumerable<MilestoneFacts> milestones, MilestoneWindow window) =>
        MilestoneRules.TaskLevel(milestones.Select(m => (m.Due, m.IsDone, m.CompletedOn)), window);

    private static List<ApiMilestone> Milestones(IEnumerable<MilestoneFacts> milestones, MilestoneWindow window) =>
        milestones.Select(m => new ApiMilestone(m.Position, m.Due, m.OriginalDue, m.Phrase, m.IsDone, m.CompletedOn, MilestoneRules.LevelOf(m.Due, m.IsDone, m.CompletedOn, window) switch
        {
            null => ApiMilestoneState.Completed,
            WarningLevel.CompletedLate => ApiMilestoneState.CompletedLate,
            WarningLevel.Overdue => ApiMilestoneState.Overdue,
            WarningLevel.Urgent => ApiMilestoneState.Urgent,
            WarningLevel.Approaching => ApiMilestoneState.Approaching,
            _ => ApiMilestoneState.OnTrack,
        })).ToList();
}
