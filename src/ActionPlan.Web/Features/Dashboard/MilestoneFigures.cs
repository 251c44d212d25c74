namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Milestone figures as of today.</summary>
public sealed record MilestoneFigures(int DueSoFar, int DoneOnTime, int DoneLate, int Approaching, int Urgent, int Overdue)
{
    /// <summary>按时率, as <see cref="UnitFigures.OnTimeRate"/> defines it; null when no milestone is settled or missed.</summary>
    public double? OnTimeRate => UnitFigures.Rate(DoneOnTime, DoneLate, Overdue);
}
