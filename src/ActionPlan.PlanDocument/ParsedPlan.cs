namespace ActionPlan.PlanDocument;

/// <summary>A plan document as read from its text, before it touches any database.</summary>
public sealed record ParsedPlan(
    PlanHeader Plan,
    IReadOnlyList<ParsedDomain> Domains,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<ParsedMeasure> Measures,
    IReadOnlyList<ParseWarning> Warnings);
