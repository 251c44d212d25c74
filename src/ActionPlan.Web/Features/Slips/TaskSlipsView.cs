namespace ActionPlan.Web.Features.Slips;

/// <summary>A task's slips for the task page, and what the issue dialog needs (its id, milestones, whether a slip can be issued).</summary>
public sealed record TaskSlipsView(int TaskId, bool Closed, IReadOnlyList<string> LeadUnits, IReadOnlyList<SlipMilestoneOption> Milestones, IReadOnlyList<SlipRow> Slips);
