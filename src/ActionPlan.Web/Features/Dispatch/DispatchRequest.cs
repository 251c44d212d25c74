using System.Globalization;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>The report's month and as-of date from the URL, with a message when a value had to be replaced.</summary>
public sealed record DispatchRequest(DateOnly Month, DateOnly AsOf, string? Problem)
{
    public string Query => $"month={StatusText.MonthKey(Month)}&asof={StatusText.ShortDate(AsOf)}";

    /// <summary>
    /// Month defaults to today's; the as-of date to the month's last day, or today while the month is
    /// running. Figures cannot be taken as of a day that has not come, so a later date becomes today.
    /// </summary>
    public static DispatchRequest Parse(string? month, string? asOf, DateOnly today)
    {
        var problems = new List<string>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = thisMonth;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (StatusText.ParseMonth(month) is { } m)
            {
                first = m;
            }
            else
            {
                problems.Add($"月份“{month}”无法识别（应为 2022-06 这样的格式），已改为本月。");
            }
        }

        if (first > thisMonth)
        {
            problems.Add($"{StatusText.Month(first)}尚未到来，已改为本月。");
            first = thisMonth;
        }

        var lastDay = first.AddMonths(1).AddDays(-1);
        var date = lastDay < today ? lastDay : today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                problems.Add($"截至日期“{asOf}”无法识别（应为 2022-06-30 这样的格式），已按{StatusText.LongDate(date)}统计。");
            }
            else if (d > today)
            {
                problems.Add($"截至日期{StatusText.LongDate(d)}晚于今天，已按今天（{StatusText.LongDate(today)}）统计。");
                date = today;
            }
            else if (d < first)
            {
                problems.Add($"截至日期{StatusText.LongDate(d)}早于{StatusText.Month(first)}，已按{StatusText.LongDate(date)}统计。");
            }
            else
            {
                date = d;
            }
        }

        return new DispatchRequest(first, date, problems.Count > 0 ? string.Join(" ", problems) : null);
    }
}
