namespace ActionPlan.Web.Features.Rounds;

/// <summary>The round a set of reporting figures is about.</summary>
public sealed record RoundHeading(int Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, bool IsOpen);
