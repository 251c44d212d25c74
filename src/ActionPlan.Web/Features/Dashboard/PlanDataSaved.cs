using ActionPlan.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// Tells this instance's figure cache and snapshot refresher that a save changed what 总览 counts
/// (<see cref="AppDbContext.SavesPlanData"/>). Other instances notice through the data version.
/// </summary>
public sealed class PlanDataSaved : SaveChangesInterceptor
{
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

    private void Notify(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is AppDbContext { SavesPlanData: true })
        {
            Saved?.Invoke();
        }
    }
}
