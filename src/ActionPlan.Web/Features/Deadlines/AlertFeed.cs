namespace ActionPlan.Web.Features.Deadlines;

/// <summary>Tells open pages (the bell) that new alerts exist, so they refresh without a reload.</summary>
public sealed class AlertFeed
{
    public event Action? AlertsRaised;

    public void Publish() => AlertsRaised?.Invoke();
}
