using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>One digest and the alerts it covers for this user.</summary>
public sealed record NotificationView(long Id, DateTimeOffset CreatedAt, bool IsRead, int AlertCount, IReadOnlyList<AlertView> Alerts)
{
    public NotificationKind Kind { get; init; }

    /// <summary>For a 催报: the round's name.</summary>
    public string? RoundName { get; init; }
}
