namespace ActionPlan.Web.Features.Rounds;

/// <summary>A lead unit's reports in one round.</summary>
public sealed record UnitReportFigures(int UnitId, string Unit, RoundFigures Figures);
