using System.Globalization;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>
/// "Today" for the whole portal: <c>Clock:Today</c> (e.g. 2022-05-20) fixes it for demos and training,
/// otherwise it is the current date from <see cref="TimeProvider"/>.
/// </summary>
public sealed class PortalClock(TimeProvider time, IConfiguration configuration)
{
    private readonly DateOnly? _fixed = Parse(configuration["Clock:Today"]);

    public bool IsSimulated => _fixed is not null;

    public DateOnly Today => _fixed ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public DateTimeOffset Now => time.GetUtcNow();

    private static DateOnly? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new InvalidOperationException($"Clock:Today '{text}' is not a date in the form yyyy-MM-dd.");
}
