using System.Data.Common;
using System.Runtime.CompilerServices;
using ActionPlan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// Tells this instance's figure cache and snapshot refresher that a save changed what 总览 counts
/// (<see cref="AppDbContext.SavesPlanData"/>): at once, or at the commit when the save ran inside an explicit
/// transaction (the plan import), so nobody reloads the old data in between. Other instances notice through
/// the data version.
/// </summary>
public sealed class PlanDataSaved : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public event Action? Saved;

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

    private void Notify(DbContext? context)
    {
        if (context is not AppDbContext { SavesPlanData: true } db)
        {
            return;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            _pending.AddOrUpdate(db, this);
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
