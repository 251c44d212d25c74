using System.Globalization;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Rounds;

/// <summary><c>ReportReminders:*</c>: automatic 催报 to units whose reports of an open round are missing.</summary>
public sealed class ReminderOptions : IValidatedOptions
{
    public const string Section = "ReportReminders";

    public bool Enabled { get; set; } = true;

    /// <summary>Days from the due day at which units with missing reports are reminded (negative: before it), comma-separated.</summary>
    public string Steps { get; set; } = "-3,-1,1,3";

    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The steps as numbers, in order; empty when <see cref="Steps"/> is not a list of whole numbers.</summary>
    public IReadOnlyList<int> StepDays =>
        Steps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : (int?)null)
            .ToList() is var parsed && parsed.All(d => d is not null)
            ? parsed.Select(d => d!.Value).Distinct().Order().ToList()
            : [];

    public IEnumerable<string> Problems()
    {
        if (StepDays.Count == 0 || StepDays.Any(d => d is < -60 or > 60))
        {
            yield return $"{Section}:Steps must be whole numbers of days from the due day between -60 and 60, comma-separated, such as -3,-1,1,3 (is '{Steps}').";
        }

        if (ScanInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:ScanInterval must be a positive time span such as 01:00:00 (is {ScanInterval}).";
        }
    }
}
