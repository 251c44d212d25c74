using System.Data.Common;
using System.Runtime.CompilerServices;
using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// Tells this instance's 报送与督办 figures (<see cref="RoundReportingFigures"/>) that a save changed what they
/// count: rounds and their expected reports, progress reports, 督办单 and their recipients, 延期申请, milestones
/// and task units. At once, or at the commit when the save ran inside an explicit transaction. A change written
/// with ExecuteUpdate or raw SQL alone, or by another instance, shows when the kept figures expire.
/// </summary>
public sealed class ReportingDataSaved : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public event Action? Saved;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool Counts(object entity) => entity is ReportingRound or ExpectedReport or ProgressReport or SupervisionSlip or SlipRecipient
        or ExtensionRequest or Milestone or PlanTaskLeadUnit or PlanTask;

    private void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Entity)))
        {
            _saving.AddOrUpdate(context, this);
        }
    }

    private void Notify(DbContext? context)
    {
        if (context is null || !_saving.Remove(context))
        {
            return;
        }

        if (context.Database.CurrentTransaction is not null)
        {
            _pending.AddOrUpdate(context, this);
        }
        else
        {
            Saved?.Invoke();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            Saved?.Invoke();
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
