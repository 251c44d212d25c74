namespace ActionPlan.Data.Import;

public sealed record ImportResult(string SourceName, ImportOutcome Outcome, int? PlanId, int Tasks, int Milestones, int Warnings);
