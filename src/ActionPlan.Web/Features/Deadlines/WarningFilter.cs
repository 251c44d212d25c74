using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record WarningFilter(WarningLevel? Level, int? Domain, string? Unit, int? Month)
{
    public static readonly WarningFilter None = new(null, null, null, null);
}
