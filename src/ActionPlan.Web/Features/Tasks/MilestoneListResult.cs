namespace ActionPlan.Web.Features.Tasks;

/// <summary>A page of milestones; <see cref="Tasks"/> is how many tasks they belong to.</summary>
public sealed record MilestoneListResult(IReadOnlyList<MilestoneRow> Rows, int Total, int Tasks, int Page);
