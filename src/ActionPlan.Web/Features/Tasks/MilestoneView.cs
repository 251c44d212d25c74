namespace ActionPlan.Web.Features.Tasks;

public sealed record MilestoneView(int Position, DateOnly Due, string Phrase, string Clause, bool IsDone, DateOnly? CompletedOn);
