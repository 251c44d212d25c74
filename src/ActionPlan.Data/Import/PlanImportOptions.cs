using ActionPlan.Data.Entities;

namespace ActionPlan.Data.Import;

/// <summary>How one import treats the units a plan names, and what the caller adds to its transaction.</summary>
/// <param name="UnitMapping">
/// A unit name as the plan writes it → the id of an existing <see cref="LeadUnit"/> it stands for (a unit
/// renamed since an earlier plan). Names not in the map are matched by name, or created.
/// </param>
/// <param name="BeforeCommit">
/// Runs after the plan's rows are saved (their ids known) and before the commit, on the same context, so
/// that what it writes (an audit row) commits or rolls back with the plan. It saves its own changes.
/// </param>
public sealed record PlanImportOptions(
    IReadOnlyDictionary<string, int>? UnitMapping = null,
    Func<AppDbContext, Plan, CancellationToken, Task>? BeforeCommit = null)
{
    public static readonly PlanImportOptions Default = new();
}
