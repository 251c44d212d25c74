namespace ActionPlan.Web.Features.Dashboard;

public sealed record UnitFigures(string Name, int Tasks, int DueSoFar, int DoneOnTime, int DoneLate, int Overdue)
{
    /// <summary>按时率: on time among the milestones settled or missed (按时完成 ÷ (按时完成 + 逾期完成 + 逾期未完成)); null when none.</summary>
    public double? OnTimeRate => Rate(DoneOnTime, DoneLate, Overdue);

    internal static double? Rate(int onTime, int late, int overdue) => onTime + late + overdue == 0 ? null : (double)onTime / (onTime + late + overdue);
}
