namespace ActionPlan.Web.Features.Accounts;

public sealed record DemoAccount(string UserName, string Role, string? LeadUnit);
