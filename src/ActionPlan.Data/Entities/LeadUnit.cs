namespace ActionPlan.Data.Entities;

/// <summary>A government unit named as responsible for tasks; shared across plans.</summary>
public class LeadUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
