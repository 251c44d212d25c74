namespace ActionPlan.PlanDocument;

/// <summary>One of the closing implementation measures (三、推进措施).</summary>
public sealed record ParsedMeasure(
    int Number,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    int Line);
