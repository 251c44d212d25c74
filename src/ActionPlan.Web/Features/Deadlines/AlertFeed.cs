using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>
/// Tells open pages (the bell) that new alerts or notifications exist, so they refresh without a reload: in this
/// instance at once, and in the others on the same PostgreSQL database through <see cref="InstanceSignals"/>.
/// </summary>
public sealed class AlertFeed
{
    private const string Signal = "alerts";
    private readonly InstanceSignals? _signals;

    public AlertFeed(InstanceSignals? signals = null)
    {
        _signals = signals;
        signals?.On(Signal, () => AlertsRaised?.Invoke());
    }

    public event Action? AlertsRaised;

    public void Publish()
    {
        AlertsRaised?.Invoke();
        if (_signals is not null)
        {
            // Called after the alerts were committed; the send logs its own failure.
            _ = _signals.SendAsync(Signal);
        }
    }
}
