using ActionPlan.Data.Entities;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// Tells <see cref="CurrentPlan"/> that the plans it keeps changed: an import, an archiving or a re-opening, or
/// lead units of a task, here or in another instance on the same PostgreSQL database.
/// </summary>
public sealed class PlansSaved(InstanceSignals? signals = null) : SaveSignal(signals)
{
    protected override string Name => "plans";

    protected override bool Concerns(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Plan or Domain or PlanTaskLeadUnit);
}
