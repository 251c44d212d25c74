using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// Raises <see cref="Saved"/> after a save that <see cref="Concerns"/> the listener: at once, or at the commit
/// when the save ran inside an explicit transaction (nothing on a rollback), so nobody reloads the old data in
/// between. With <see cref="InstanceSignals"/> it also sends <see cref="Name"/> on the save's connection, so the
/// other instances on the same PostgreSQL database raise <see cref="Saved"/> too, after the same commit.
/// </summary>
public abstract class SaveSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly InstanceSignals? _signals;

    protected SaveSignal(InstanceSignals? signals)
    {
        _signals = signals;
        signals?.On(Name, () => Saved?.Invoke());
    }

    /// <summary>Raised after a concerning save here, or one in another instance.</summary>
    public event Action? Saved;

    /// <summary>The signal's name between instances.</summary>
    protected abstract string Name { get; }

    /// <summary>Asked as the save starts, with the changes still tracked (and the versions already stamped).</summary>
    protected abstract bool Concerns(DbContext context);

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
        if (Notify(eventData.Context))
        {
            _signals?.SendWithin(eventData.Context!, Name);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Notify(eventData.Context) && _signals is not null)
        {
            await _signals.SendWithinAsync(eventData.Context!, Name, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
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

    private void Mark(DbContext? context)
    {
        if (context is not null && Concerns(context))
        {
            _saving.AddOrUpdate(context, this);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    /// <summary>Whether the save concerned this signal (raised now, or at the commit).</summary>
    private bool Notify(DbContext? context)
    {
        if (context is null || !_saving.Remove(context))
        {
            return false;
        }

        if (context.Database.CurrentTransaction is not null)
        {
            _pending.AddOrUpdate(context, this);
        }
        else
        {
            Saved?.Invoke();
        }

        return true;
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
