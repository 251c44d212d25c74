namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Milestones due in one month and how they stand: done on time, done late, overdue, still ahead.</summary>
public sealed record MonthFigures(DateOnly Month, int Due, int DoneOnTime, int DoneLate, int Overdue, int Open);
