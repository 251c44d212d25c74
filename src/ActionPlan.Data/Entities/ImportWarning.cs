namespace ActionPlan.Data.Entities;

/// <summary>A place where the importer had to judge; kept with the plan so the office can review it.</summary>
public class ImportWarning
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Position { get; set; }
    public int Line { get; set; }
    public int? TaskNumber { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
}
