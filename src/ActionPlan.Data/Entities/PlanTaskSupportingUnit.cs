namespace ActionPlan.Data.Entities;

/// <summary>
/// A unit the plan names as helping with a task (配合单位). It reads the task but does not answer for it:
/// reports, extensions and slip replies stay with the lead units (<see cref="PlanTaskLeadUnit"/>).
/// </summary>
public class PlanTaskSupportingUnit
{
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>Order in which the plan names the unit.</summary>
    public int Position { get; set; }
}
