namespace ActionPlan.Web.Features.Api;

/// <summary>A milestone (时间节点): the deadline that counts, the plan's date when an extension moved it, and its state today.</summary>
public sealed record ApiMilestone(int Position, DateOnly Due, DateOnly? OriginalDue, string Phrase, bool IsDone, DateOnly? CompletedOn, ApiMilestoneState State);
