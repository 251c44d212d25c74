namespace ActionPlan.Web.Features.Accounts;

public sealed record LeadUnitChoice(int Id, string Name);
