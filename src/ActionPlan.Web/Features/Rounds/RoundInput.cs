namespace ActionPlan.Web.Features.Rounds;

/// <summary>What the office fills in to open a round (开启调度轮次).</summary>
public sealed class RoundInput
{
    public string? Name { get; set; }
    public DateTime? PeriodStart { get; set; }
    public DateTime? PeriodEnd { get; set; }
    public DateTime? DueOn { get; set; }

    /// <summary>Only the tasks of this domain (its number); null for every task.</summary>
    public int? DomainNumber { get; set; }

    /// <summary>The usual monthly round of <paramref name="month"/>: the whole month, reports due on the 25th.</summary>
    public static RoundInput Monthly(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return new RoundInput
        {
            Name = $"{first.Year}年{first.Month}月调度",
            PeriodStart = first.ToDateTime(TimeOnly.MinValue),
            PeriodEnd = first.AddMonths(1).AddDays(-1).ToDateTime(TimeOnly.MinValue),
            DueOn = first.AddDays(24).ToDateTime(TimeOnly.MinValue),
        };
    }
}
