namespace ActionPlan.Data.Entities;

/// <summary>
/// One row that changes (a new random value) with every save that touches plans, tasks, milestones or
/// lead units, so a reader can tell whether the figure snapshot still matches the data.
/// </summary>
public class PlanDataVersion
{
    public const int RowId = 1;

    public int Id { get; set; }
    public Guid Value { get; set; }
}
