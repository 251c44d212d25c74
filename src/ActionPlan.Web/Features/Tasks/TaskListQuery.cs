using System.Globalization;
using System.Text;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>The task list's filters, paging and sort; it round-trips through the URL so a view can be bookmarked.</summary>
public sealed record TaskListQuery
{
    public static readonly int[] PageSizes = [10, 20, 50, 100];

    /// <summary>The whole list: no filter, first page; links to a filtered view start from it (<c>All with { … }</c>).</summary>
    public static readonly TaskListQuery All = new();

    public int? Domain { get; init; }
    public string? Unit { get; init; }
    public PlanTaskStatus? Status { get; init; }
    public string? Search { get; init; }
    public WarningLevel? Level { get; init; }

    /// <summary>With <see cref="Month"/>, switches the list to one row per milestone (按时间节点).</summary>
    public MilestoneState? Milestone { get; init; }

    /// <summary>First day of the month whose milestones the list shows.</summary>
    public DateOnly? Month { get; init; }

    /// <summary>The list shows milestones, not tasks.</summary>
    public bool ByMilestone => Milestone is not null || Month is not null;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public TaskSort Sort { get; init; } = TaskSort.Number;
    public bool Descending { get; init; }

    /// <summary>Value of the unit filter that selects tasks without a named lead unit.</summary>
    public const string NoUnit = "无牵头单位";

    /// <summary>Reads the query string leniently: an unknown or out-of-range value falls back to its default.</summary>
    public static TaskListQuery FromQueryString(string? domain, string? unit, string? status, string? q, int? page, int? size, string? sort, string? dir, string? level = null, string? ms = null, string? month = null) => new()
    {
        Milestone = Enum.TryParse<MilestoneState>(ms, true, out var state) && MilestoneStates.Listed.Contains(state) ? state : null,
        Month = StatusText.ParseMonth(month),
        Level = Enum.TryParse<WarningLevel>(level, true, out var l) && Enum.IsDefined(l) ? l : null,
        Domain = int.TryParse(domain, CultureInfo.InvariantCulture, out var d) && d > 0 ? d : null,
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(),
        Status = Enum.TryParse<PlanTaskStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null,
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        Page = page is > 0 ? page.Value : 1,
        PageSize = size is { } z && PageSizes.Contains(z) ? z : 20,
        Sort = Enum.TryParse<TaskSort>(sort, true, out var o) && Enum.IsDefined(o) ? o : TaskSort.Number,
        Descending = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The list URL for this query (or <paramref name="path"/> with the same query string); defaults are left out so links stay short.</summary>
    public string ToUrl(string path = "tasks")
    {
        var url = new StringBuilder(path);
        var separator = '?';
        void Add(string name, string value)
        {
            url.Append(separator).Append(name).Append('=');
            AppendQueryValue(url, value);
            separator = '&';
        }

        if (Domain is { } d)
        {
            Add("domain", d.ToString(CultureInfo.InvariantCulture));
        }

        if (Unit is not null)
        {
            Add("unit", Unit);
        }

        if (Status is { } s)
        {
            Add("status", s.ToString().ToLowerInvariant());
        }

        if (Search is not null)
        {
            Add("q", Search);
        }

        if (Level is { } l)
        {
            Add("level", l.ToString().ToLowerInvariant());
        }

        if (Milestone is { } ms)
        {
            Add("ms", ms.ToString().ToLowerInvariant());
        }

        if (Month is { } month)
        {
            Add("month", StatusText.MonthKey(month));
        }

        if (Sort != TaskSort.Number)
        {
            Add("sort", Sort.ToString().ToLowerInvariant());
        }

        if (Descending)
        {
            Add("dir", "desc");
        }

        if (PageSize != 20)
        {
            Add("size", PageSize.ToString(CultureInfo.InvariantCulture));
        }

        if (Page != 1)
        {
            Add("page", Page.ToString(CultureInfo.InvariantCulture));
        }

        return url.ToString();
    }

    /// <summary>
    /// A query value as an IRI: ASCII other than letters, digits and <c>-._~</c> is percent-encoded (so
    /// <c>&amp; = # % +</c>, spaces and controls cannot end or change the value), and so are non-ASCII
    /// controls, spaces and broken surrogates; other characters stay as they are. Browsers encode them
    /// when they follow the link, and a Chinese unit name written out is a third of its encoded length,
    /// which matters on the 总览 with a link per unit and figure.
    /// </summary>
    private static void AppendQueryValue(StringBuilder url, string value)
    {
        Span<byte> bytes = stackalloc byte[3];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                url.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                url.Append(c).Append(value[++i]);
            }
            else if (c >= 0x80 && !char.IsControl(c) && !char.IsWhiteSpace(c) && !char.IsSurrogate(c))
            {
                url.Append(c);
            }
            else
            {
                // UTF-8 writes a lone surrogate as U+FFFD.
                var count = Encoding.UTF8.GetBytes(new ReadOnlySpan<char>(in c), bytes);
                foreach (var b in bytes[..count])
                {
                    url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }
    }

    public bool HasFilters => Domain is not null || Unit is not null || Status is not null || Search is not null || Level is not null || ByMilestone;
}
