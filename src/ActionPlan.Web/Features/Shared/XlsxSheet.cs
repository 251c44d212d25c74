namespace ActionPlan.Web.Features.Shared;

/// <summary>One worksheet: a header row, then rows of cells (int and double as numbers, anything else as text).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<double> Widths, IEnumerable<object?[]> Rows)
{
    /// <summary>Lines written above the header row (a title, an as-of date); the header row is frozen below them.</summary>
    public IReadOnlyList<string> Preamble { get; init; } = [];
}
