using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>
/// A slip reduced to what its state depends on (and what the list filters on), projected in the database so
/// that <see cref="SlipRules"/> can filter and count there and answer in C# on the same definition.
/// </summary>
public sealed class SlipFacts
{
    public int Id { get; init; }
    public int PlanId { get; init; }
    public int Number { get; init; }
    public int DomainNumber { get; init; }
    public SlipLevel Level { get; init; }
    public DateOnly ReplyBy { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Recipients that have not replied yet.</summary>
    public int Missing { get; init; }
}
