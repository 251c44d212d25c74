namespace ActionPlan.Web.Features.Deadlines;

/// <summary>One digest and the alerts it covers for this user.</summary>
public sealed record NotificationView(long Id, DateTimeOffset CreatedAt, bool IsRead, int AlertCount, IReadOnlyList<AlertView> Alerts);
