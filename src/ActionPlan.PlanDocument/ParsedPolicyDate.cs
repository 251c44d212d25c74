namespace ActionPlan.PlanDocument;

/// <summary>A policy validity date ("政策有效期延长至 2025 年 12 月 31 日"): information, not a deadline.</summary>
public sealed record ParsedPolicyDate(DateOnly Date, string Phrase);
