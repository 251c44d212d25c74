using System.Globalization;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Shared;

/// <summary><c>Clock:*</c>: the office's time zone and an optional fixed "today" (模拟日期).</summary>
public sealed class ClockOptions : IValidatedOptions
{
    public const string Section = "Clock";

    /// <summary>A fixed today in the form yyyy-MM-dd for demos and training; empty for the real date.</summary>
    public string? Today { get; set; }

    /// <summary>The zone whose date is "today" (IANA id); Beijing's by default, whatever the server's zone.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public DateOnly? FixedToday =>
        DateOnly.TryParseExact(Today?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(Today) && FixedToday is null)
        {
            yield return $"{Section}:Today '{Today}' is not a date in the form yyyy-MM-dd.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            yield return $"{Section}:TimeZone '{TimeZone}' is not a known time zone (e.g. Asia/Shanghai).";
        }
    }
}
