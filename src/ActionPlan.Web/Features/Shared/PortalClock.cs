namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// "Today" for the whole portal: <c>Clock:Today</c> (e.g. 2022-05-20) fixes it for demos and training,
/// otherwise it is the current date in <c>Clock:TimeZone</c> (Beijing by default), so a server or container
/// running in UTC still turns the day at local midnight. "Now" always comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class PortalClock(TimeProvider time, ClockOptions options)
{
    private readonly DateOnly? _fixed = options.FixedToday;
    private readonly TimeZoneInfo _zone = options.Zone;

    public bool IsSimulated => _fixed is not null;

    /// <summary>The simulated moment's day when start-up work set one (<see cref="SimulatedTime"/>), else the fixed or current day.</summary>
    public DateOnly Today => SimulatedTime.Now is { } simulated ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(simulated, _zone).DateTime)
        : _fixed ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    /// <summary>Today as the date pickers want it: no date after it can be chosen.</summary>
    public DateTime TodayAsDateTime => Today.ToDateTime(TimeOnly.MinValue);

    public DateTimeOffset Now => SimulatedTime.Now ?? time.GetUtcNow();

    /// <summary>A stored instant as the office reads it: in <c>Clock:TimeZone</c>, not the server's zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    public DateTimeOffset? Local(DateTimeOffset? at) => at is { } value ? Local(value) : null;
}
