namespace ActionPlan.Web.Features.Slips;

/// <summary>A milestone of the task a slip can be about.</summary>
public sealed record SlipMilestoneOption(int Id, DateOnly Due, string Phrase, string Clause);
