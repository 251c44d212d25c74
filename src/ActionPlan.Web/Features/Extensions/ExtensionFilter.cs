using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Extensions;

/// <summary>Which requests a list shows: those of one plan, optionally in one state.</summary>
public sealed record ExtensionFilter(int PlanId, ExtensionState? State = null);
