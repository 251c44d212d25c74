using ActionPlan.Web.Features.Dashboard;

namespace ActionPlan.Web.Features.Api;

/// <summary>The 总览's figures within the token's scope, as of one day.</summary>
public sealed record ApiFigures(
    int PlanId, DateOnly AsOf, TaskFigures Tasks, MilestoneFigures Milestones,
    IReadOnlyList<DomainFigures> Domains, IReadOnlyList<UnitFigures> Units, IReadOnlyList<MonthFigures> Months);
