namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// Lets start-up work act at an earlier moment through the real services (the demo history plays weeks of work
/// this way): inside <see cref="Begin"/>'s scope, and only in that async flow, the portal's
/// <see cref="TimeProvider"/> (<see cref="PortalTimeProvider"/>) and <see cref="PortalClock"/> report that
/// moment, so every date and audit time the services write is the simulated one. Requests, background services
/// and other flows never see it.
/// </summary>
public static class SimulatedTime
{
    private static readonly AsyncLocal<DateTimeOffset?> Current = new();

    public static DateTimeOffset? Now => Current.Value;

    public static IDisposable Begin(DateTimeOffset at)
    {
        var previous = Current.Value;
        // UTC, as the system clock gives it (PostgreSQL stores timestamptz only from UTC values).
        Current.Value = at.ToUniversalTime();
        return new Restore(previous);
    }

    private sealed class Restore(DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>The portal's time: the system's, or the <see cref="SimulatedTime"/> of the flow that set one.</summary>
public sealed class PortalTimeProvider(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => SimulatedTime.Now ?? inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);
}
