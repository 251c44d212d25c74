namespace ActionPlan.Web.Features.Dashboard;

public sealed record DashboardFigures(
    DateOnly AsOf, TaskFigures Tasks, MilestoneFigures Milestones, IReadOnlyList<DomainFigures> Domains, IReadOnlyList<UnitFigures> Units, IReadOnlyList<MonthFigures> Months);

/// <summary>Counts of one domain's tasks (raw or from the snapshot), before assembly.</summary>
internal sealed record DomainTaskCounts(int Number, string Name, TaskFigures Tasks);

/// <summary>Counts of one domain's milestones due in one month, before assembly.</summary>
internal sealed record MilestoneCell(int Domain, int Year, int Month, int Due, int DueSoFar, int DoneOnTime, int DoneLate, int Approaching, int Urgent, int Overdue);
