using ActionPlan.Data;
using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActionPlan.Web.Features.Plans;

/// <summary>The refusal of a change to an archived plan's data.</summary>
public sealed class PlanArchivedException(string planTitle)
    : InvalidOperationException($"《{planTitle}》已归档，只能查看；如需修改，请省营转办先重新开放该计划。")
{
    public string PlanTitle { get; } = planTitle;
}

/// <summary>
/// An archived plan is read-only whatever page, dialog, endpoint or job tries to change it: every save that adds,
/// changes or removes a row belonging to an archived plan's tasks, milestones, rounds or issues is refused here, in
/// one place. Pages also hide their edit controls for such a plan; this is what holds when one was left open.
/// History, audit, alert and notification rows are not the plan's work and pass (they only follow guarded changes).
/// </summary>
public sealed class ArchivedPlanGuard : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Unguarded =
    [
        typeof(Plan), typeof(TaskHistory), typeof(MilestoneHistory), typeof(AuditEntry), typeof(Alert), typeof(Notification),
        typeof(FigureSnapshot), typeof(FigureCell), typeof(ImportWarning), typeof(OutboxMessage),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CheckAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    private static async Task CheckAsync(DbContext? context, bool sync, CancellationToken cancellationToken)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var plans = new HashSet<int>();
        var tasks = new HashSet<int>();
        var milestones = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || Unguarded.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            Collect(entry, nameof(PlanTask.PlanId), plans);
            Collect(entry, nameof(Milestone.PlanTaskId), tasks);
            Collect(entry, nameof(ExtensionRequest.MilestoneId), milestones);
            if (entry.Entity is PlanTask { Id: > 0 } task)
            {
                tasks.Add(task.Id);
            }
        }

        if (plans.Count + tasks.Count + milestones.Count == 0)
        {
            return;
        }

        var archived = db.Plans.AsNoTracking()
            .Where(p => p.ArchivedAt != null
                        && (plans.Contains(p.Id)
                            || p.Tasks.Any(t => tasks.Contains(t.Id) || t.Milestones.Any(m => milestones.Contains(m.Id)))))
            .Select(p => p.Title);
        var title = sync ? archived.FirstOrDefault() : await archived.FirstOrDefaultAsync(cancellationToken);
        if (title is not null)
        {
            throw new PlanArchivedException(title);
        }
    }

    /// <summary>The row's value of a foreign key, original and current (a move between plans is a change to both).</summary>
    private static void Collect(EntityEntry entry, string property, HashSet<int> ids)
    {
        if (entry.Metadata.FindProperty(property) is not { } key || key.ClrType != typeof(int) && key.ClrType != typeof(int?))
        {
            return;
        }

        var member = entry.Property(property);
        // Keys not yet generated are temporary (new rows of a new plan): nothing stored to protect.
        if (!member.IsTemporary && member.CurrentValue is int current && current > 0)
        {
            ids.Add(current);
        }

        if (entry.State == EntityState.Modified && member.OriginalValue is int original && original > 0)
        {
            ids.Add(original);
        }
    }
}
