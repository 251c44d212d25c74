namespace ActionPlan.Web.Features.Rounds;

/// <summary>One round in the list of rounds, with its figures.</summary>
public sealed record RoundSummary(
    int Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, string? DomainName,
    DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ClosedAt, string? ClosedBy, RoundFigures Figures)
{
    public bool IsOpen => ClosedAt is null;
}
