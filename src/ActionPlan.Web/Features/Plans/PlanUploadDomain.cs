namespace ActionPlan.Web.Features.Plans;

/// <summary>One domain of an uploaded plan as the preview shows it.</summary>
public sealed record PlanUploadDomain(int Number, string Name, int Tasks, int Milestones);
