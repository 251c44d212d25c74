namespace ActionPlan.Web.Features.Plans;

/// <summary>An existing unit a new name can be mapped to.</summary>
public sealed record LeadUnitOption(int Id, string Name);
