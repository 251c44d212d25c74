namespace ActionPlan.Data.Entities;

/// <summary>A policy validity date written in a task; not a deadline.</summary>
public class PolicyDate
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int Position { get; set; }
    public DateOnly Date { get; set; }
    public required string Phrase { get; set; }
}
