using ActionPlan.Data;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// Tells this instance's figure cache and snapshot refresher that a save changed what 总览 counts
/// (<see cref="AppDbContext.SavesPlanData"/>), at once or at the commit (the plan import saves inside a
/// transaction), and the other instances on the same PostgreSQL database through <see cref="InstanceSignals"/>.
/// </summary>
public sealed class PlanDataSaved(InstanceSignals? signals = null) : SaveSignal(signals)
{
    protected override string Name => "plan-data";

    protected override bool Concerns(DbContext context) => context is AppDbContext { SavesPlanData: true };
}
