namespace ActionPlan.Data.Entities;

/// <summary>A dated deadline inside a task ("9月底前" → 2022-09-30) with the clause it governs.</summary>
public class Milestone
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int Position { get; set; }
    public DateOnly Due { get; set; }
    public required string Phrase { get; set; }
    public required string Clause { get; set; }
    public bool IsDone { get; set; }
    public DateOnly? CompletedOn { get; set; }
}
