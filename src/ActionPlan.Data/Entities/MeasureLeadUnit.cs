namespace ActionPlan.Data.Entities;

public class MeasureLeadUnit
{
    public int MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>Order in which the plan names the unit.</summary>
    public int Position { get; set; }
}
