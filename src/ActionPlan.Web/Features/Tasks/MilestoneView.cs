namespace ActionPlan.Web.Features.Tasks;

/// <summary>A milestone on the task page. <see cref="Due"/> is the deadline that counts; <see cref="OriginalDue"/> the plan's date once an extension moved it.</summary>
public sealed record MilestoneView(int Position, DateOnly Due, string Phrase, string Clause, bool IsDone, DateOnly? CompletedOn, int Id = 0, DateOnly? OriginalDue = null);
