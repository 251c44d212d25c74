namespace ActionPlan.Web.Features.Tasks;

public sealed record MilestoneEdit(int Position, bool IsDone, DateOnly? CompletedOn);
