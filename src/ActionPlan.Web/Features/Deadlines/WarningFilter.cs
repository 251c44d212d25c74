using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Deadlines;

/// <param name="Month">First day of the month whose milestones are due.</param>
public sealed record WarningFilter(WarningLevel? Level, int? Domain, string? Unit, DateOnly? Month)
{
    public static readonly WarningFilter None = new(null, null, null, null);
}
