namespace ActionPlan.PlanDocument;

/// <summary>A numbered domain, （一）开办企业领域 → (1, "开办企业领域").</summary>
public sealed record ParsedDomain(int Number, string Name, int Line);
