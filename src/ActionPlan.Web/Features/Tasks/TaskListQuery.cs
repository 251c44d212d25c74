using System.Globalization;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace ActionPlan.Web.Features.Tasks;

public enum TaskSort
{
    Number,
    Domain,
    Title,
    Deadline,
    Status,
}

/// <summary>The task list's filters, paging and sort; it round-trips through the URL so a view can be bookmarked.</summary>
public sealed record TaskListQuery
{
    public static readonly int[] PageSizes = [10, 20, 50, 100];

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
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null,
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
        var parameters = new Dictionary<string, string?>();
        if (Domain is { } d)
        {
            parameters["domain"] = d.ToString(CultureInfo.InvariantCulture);
        }

        if (Unit is not null)
        {
            parameters["unit"] = Unit;
        }

        if (Status is { } s)
        {
            parameters["status"] = s.ToString();
        }

        if (Search is not null)
        {
            parameters["q"] = Search;
        }

        if (Level is { } l)
        {
            parameters["level"] = l.ToString().ToLowerInvariant();
        }

        if (Milestone is { } ms)
        {
            parameters["ms"] = ms.ToString().ToLowerInvariant();
        }

        if (Month is { } month)
        {
            parameters["month"] = StatusText.MonthKey(month);
        }

        if (Sort != TaskSort.Number)
        {
            parameters["sort"] = Sort.ToString().ToLowerInvariant();
        }

        if (Descending)
        {
            parameters["dir"] = "desc";
        }

        if (PageSize != 20)
        {
            parameters["size"] = PageSize.ToString(CultureInfo.InvariantCulture);
        }

        if (Page != 1)
        {
            parameters["page"] = Page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, parameters);
    }

    public bool HasFilters => Domain is not null || Unit is not null || Status is not null || Search is not null || Level is not null || ByMilestone;
}
