using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>Open warnings of one domain or unit, per level.</summary>
public sealed record WarningCounts(string Name, string Link, int Overdue, int Urgent, int Approaching)
{
    public int Total => Overdue + Urgent + Approaching;

    /// <summary>
    /// The roll-up per domain and per lead unit, counted from the unfiltered warning list the page has already
    /// read (the same milestones, scope and levels), so it costs no query of its own.
    /// </summary>
    public static (IReadOnlyList<WarningCounts> Domains, IReadOnlyList<WarningCounts> Units) Of(IReadOnlyList<OpenWarning> rows)
    {
        static WarningCounts Count(string name, string link, IEnumerable<OpenWarning> group) => new(name, link,
            group.Count(r => r.Level == WarningLevel.Overdue), group.Count(r => r.Level == WarningLevel.Urgent), group.Count(r => r.Level == WarningLevel.Approaching));

        return (
            rows.GroupBy(r => (r.DomainNumber, r.DomainName)).OrderBy(g => g.Key.DomainNumber)
                .Select(g => Count($"（{g.Key.DomainNumber}）{g.Key.DomainName}", $"alerts?domain={g.Key.DomainNumber}", g)).ToList(),
            rows.SelectMany(r => r.LeadUnits, (r, unit) => (Unit: unit, Row: r)).GroupBy(x => x.Unit, x => x.Row)
                .Select(g => Count(g.Key, $"alerts?unit={Uri.EscapeDataString(g.Key)}", g))
                .OrderByDescending(u => u.Overdue).ThenByDescending(u => u.Total).ThenBy(u => u.Name, StringComparer.Ordinal).ToList());
    }
}
