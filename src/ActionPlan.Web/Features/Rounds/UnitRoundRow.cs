namespace ActionPlan.Web.Features.Rounds;

/// <summary>A lead unit's reports in a round, and how often it was chased.</summary>
public sealed record UnitRoundRow(int UnitId, string Unit, RoundFigures Figures, int Chases, DateTimeOffset? LastChasedAt);
