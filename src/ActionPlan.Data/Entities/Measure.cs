namespace ActionPlan.Data.Entities;

/// <summary>The plan's closing implementation measures (推进措施); not tasks.</summary>
public class Measure
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public string? LeadUnitClause { get; set; }
    public int SourceLine { get; set; }
    public List<MeasureLeadUnit> LeadUnits { get; set; } = [];
}
