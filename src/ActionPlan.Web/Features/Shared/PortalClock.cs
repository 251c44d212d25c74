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

    public DateOnly Today => _fixed ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    /// <summary>Today as the date pickers want it: no date after it can be chosen.</summary>
    public DateTime TodayAsDateTime => Today.ToDateTime(TimeOnly.MinValue);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>A stored instant as the office reads it: in <c>Clock:TimeZone</c>, not the server's zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    public DateTimeOffset? Local(DateTimeOffset? at) => at is { } value ? Local(value) : null;
}
