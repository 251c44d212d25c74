namespace ActionPlan.Web.Features.Shared;

public sealed record DomainOption(int Id, int Number, string Name);
