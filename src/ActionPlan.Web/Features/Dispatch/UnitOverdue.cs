namespace ActionPlan.Web.Features.Dispatch;

/// <summary>A lead unit with overdue milestones and the tasks they belong to.</summary>
public sealed record UnitOverdue(string Name, int Overdue, IReadOnlyList<int> TaskNumbers);
