namespace ActionPlan.Web.Features.Slips;

/// <summary>A page of slips, how many match, and the counts per state (within the other filters).</summary>
public sealed record SlipListResult(IReadOnlyList<SlipRow> Rows, int Total, IReadOnlyDictionary<SlipState, int> ByState, int Suggested)
{
    public static readonly SlipListResult Empty = new([], 0, new Dictionary<SlipState, int>(), 0);
}
