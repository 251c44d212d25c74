namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Milestone figures as of today.</summary>
public sealed record MilestoneFigures(int DueSoFar, int DoneOnTime, int DoneLate, int Approaching, int Urgent, int Overdue);
