using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>
/// One slip with its recipients and replies and its escalation chain. A unit reads only its own recipient row;
/// <see cref="Missing"/> counts every recipient, so the state is the slip's, not the unit's.
/// </summary>
public sealed record SlipDetail(int Id, int Number, SlipLevel Level, SlipState State, bool EscalationSuggested, int TaskNumber, string TaskTitle, bool TaskClosed,
    string? Milestone, string Matter, DateOnly ReplyBy, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? EscalatedAt, DateTimeOffset? ClosedAt, string? ClosedBy,
    int Missing, IReadOnlyList<SlipRecipientView> Recipients, SlipLink? EscalatedFrom, SlipLink? EscalatedTo)
{
    /// <summary>The plan of the task: a link to the task names it (task numbers are per plan).</summary>
    public int PlanId { get; init; }
}
