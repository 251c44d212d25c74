using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record WarningFilter(WarningLevel? Level, int? Domain, string? Unit, int? Month)
{
    public static readonly WarningFilter None = new(null, null, null, null);
}
