namespace ActionPlan.Data.Entities;

/// <summary>A numbered area of a plan, （一）开办企业领域.</summary>
public class Domain
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Number { get; set; }
    public required string Name { get; set; }
    public int SourceLine { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
}
