namespace ActionPlan.PlanDocument;

/// <summary>A dated deadline: "9月底前" → 2022-09-30, with the words it governs.</summary>
public sealed record ParsedMilestone(DateOnly Due, string Phrase, string Clause);
