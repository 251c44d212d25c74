using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>The 督办单 list's filters and page.</summary>
public sealed record SlipFilter(int PlanId)
{
    public SlipLevel? Level { get; init; }
    public SlipState? State { get; init; }
    public int? DomainNumber { get; init; }

    /// <summary>Slips addressed to this lead unit (by name, as the plan's unit list has it).</summary>
    public string? Unit { get; init; }

    /// <summary>Only slips for which escalation is suggested (建议升级).</summary>
    public bool SuggestedOnly { get; init; }

    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}
