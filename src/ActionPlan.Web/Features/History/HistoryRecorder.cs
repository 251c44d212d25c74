using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActionPlan.Web.Features.History;

/// <summary>
/// Writes <see cref="TaskHistory"/> and <see cref="MilestoneHistory"/> in the save that changes a task's status,
/// progress or texts or a milestone's deadline or completion, whichever service makes the change; the day is the
/// portal's today (<see cref="PortalClock"/>). A new task or milestone gets a row from the beginning of time: as
/// the plan states it, it was always so until it changed. Changes made with ExecuteUpdate or raw SQL pass by it.
/// </summary>
public sealed class HistoryRecorder(PortalClock clock) : SaveChangesInterceptor
{
    private static readonly string[] TaskFields = [nameof(PlanTask.Status), nameof(PlanTask.Progress), nameof(PlanTask.ProgressSummary), nameof(PlanTask.Difficulties)];
    private static readonly string[] MilestoneFields = [nameof(Milestone.Due), nameof(Milestone.IsDone), nameof(Milestone.CompletedOn)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RecordAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ThrowAsConflict(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowAsConflict(eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Two saves of one task on one day, each from the version it loaded: both read the same current history row and
    /// add the day's row, and the second's insert can meet the first's on the unique (key, From) before its task
    /// UPDATE meets the version check. It is the same conflict, so it is reported as one: the services answer a
    /// <see cref="DbUpdateConcurrencyException"/> with "changed by someone else", not with an error page.
    /// </summary>
    private static void ThrowAsConflict(Exception exception)
    {
        if (exception is DbUpdateException { InnerException: { } inner } and not DbUpdateConcurrencyException && IsHistoryKeyViolation(inner))
        {
            throw new DbUpdateConcurrencyException("A concurrent save recorded this task's history for the day first.", exception);
        }
    }

    /// <summary>A unique key of the history tables (the failed command's entry is not always known to EF: the key's name is).</summary>
    private static bool IsHistoryKeyViolation(Exception exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation
            && (postgres.ConstraintName?.StartsWith($"IX_{nameof(AppDbContext.TaskHistory)}_", StringComparison.Ordinal) == true
                || postgres.ConstraintName?.StartsWith($"IX_{nameof(AppDbContext.MilestoneHistory)}_", StringComparison.Ordinal) == true),
        // SQLITE_CONSTRAINT_UNIQUE names the columns: "UNIQUE constraint failed: TaskHistory.PlanTaskId, TaskHistory.From".
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067
            && (sqlite.Message.Contains($" {nameof(AppDbContext.TaskHistory)}.", StringComparison.Ordinal) || sqlite.Message.Contains($" {nameof(AppDbContext.MilestoneHistory)}.", StringComparison.Ordinal)),
        _ => false,
    };

    private async Task RecordAsync(DbContext? context, bool sync, CancellationToken cancellationToken)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var entries = db.ChangeTracker.Entries().ToList();
        var tasks = entries.Where(e => e.Entity is PlanTask && Changed(e, TaskFields)).Select(e => (PlanTask)e.Entity).ToList();
        var milestones = entries.Where(e => e.Entity is Milestone && Changed(e, MilestoneFields)).Select(e => (Milestone)e.Entity).ToList();
        if (tasks.Count == 0 && milestones.Count == 0)
        {
            return;
        }

        var day = clock.Today;
        var newTasks = tasks.Where(t => db.Entry(t).State == EntityState.Added).ToList();
        foreach (var task in newTasks)
        {
            db.TaskHistory.Add(Row(task, DateOnly.MinValue));
        }

        var changedTasks = tasks.Except(newTasks).ToList();
        if (changedTasks.Count > 0)
        {
            var ids = changedTasks.Select(t => t.Id).ToList();
            var open = db.TaskHistory.Where(h => ids.Contains(h.PlanTaskId) && h.Until == DateOnly.MaxValue);
            var current = (sync ? open.ToList() : await open.ToListAsync(cancellationToken)).ToDictionary(h => h.PlanTaskId);
            foreach (var task in changedTasks)
            {
                if (current.GetValueOrDefault(task.Id) is { } row && row.From >= day)
                {
                    // A second change of the day (or a day the clock has gone back to) overwrites the day's row.
                    (row.Status, row.Progress, row.ProgressSummary, row.Difficulties) = (task.Status, task.Progress, task.ProgressSummary, task.Difficulties);
                    continue;
                }

                if (current.GetValueOrDefault(task.Id) is { } previous)
                {
                    previous.Until = day;
                }

                db.TaskHistory.Add(Row(task, current.ContainsKey(task.Id) ? day : DateOnly.MinValue));
            }
        }

        var newMilestones = milestones.Where(m => db.Entry(m).State == EntityState.Added).ToList();
        foreach (var milestone in newMilestones)
        {
            db.MilestoneHistory.Add(Row(milestone, DateOnly.MinValue));
        }

        var changedMilestones = milestones.Except(newMilestones).ToList();
        if (changedMilestones.Count > 0)
        {
            var ids = changedMilestones.Select(m => m.Id).ToList();
            var open = db.MilestoneHistory.Where(h => ids.Contains(h.MilestoneId) && h.Until == DateOnly.MaxValue);
            var current = (sync ? open.ToList() : await open.ToListAsync(cancellationToken)).ToDictionary(h => h.MilestoneId);
            foreach (var milestone in changedMilestones)
            {
                if (current.GetValueOrDefault(milestone.Id) is { } row && row.From >= day)
                {
                    (row.Due, row.IsDone, row.CompletedOn) = (milestone.Due, milestone.IsDone, milestone.CompletedOn);
                    continue;
                }

                if (current.GetValueOrDefault(milestone.Id) is { } previous)
                {
                    previous.Until = day;
                }

                db.MilestoneHistory.Add(Row(milestone, current.ContainsKey(milestone.Id) ? day : DateOnly.MinValue));
            }
        }
    }

    /// <summary>Added, or modified in one of <paramref name="fields"/> to another value.</summary>
    private static bool Changed(EntityEntry entry, string[] fields) =>
        entry.State == EntityState.Added
        || (entry.State == EntityState.Modified && fields.Any(f => entry.Property(f) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue)));

    private static TaskHistory Row(PlanTask task, DateOnly from) => new()
    {
        PlanTask = task,
        From = from,
        Status = task.Status,
        Progress = task.Progress,
        ProgressSummary = task.ProgressSummary,
        Difficulties = task.Difficulties,
    };

    private static MilestoneHistory Row(Milestone milestone, DateOnly from) => new()
    {
        Milestone = milestone,
        // A milestone added with its task has no task id yet: the navigation lets EF fill it in at the save.
        PlanTask = milestone.PlanTask,
        PlanTaskId = milestone.PlanTaskId,
        From = from,
        Due = milestone.Due,
        IsDone = milestone.IsDone,
        CompletedOn = milestone.CompletedOn,
    };
}
