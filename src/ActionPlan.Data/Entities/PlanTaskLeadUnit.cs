namespace ActionPlan.Data.Entities;

public class PlanTaskLeadUnit
{
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>Order in which the plan names the unit.</summary>
    public int Position { get; set; }
}
