namespace ActionPlan.Web.Features.Deadlines;

/// <param name="NotificationsCreated">Digests written: one per user concerned by this scan's alerts.</param>
/// <param name="Complete">False when the scan stopped at MaxAlertsPerScan: the rest follows at once in another scan.</param>
public sealed record ScanResult(bool Ran, int AlertsRaised, int NotificationsCreated, bool Complete = true);
