namespace ActionPlan.Web.Features.Shared;

public sealed record PlanOverview(int Id, string Title, string DocumentNumber, int Year, IReadOnlyList<DomainOption> Domains);
