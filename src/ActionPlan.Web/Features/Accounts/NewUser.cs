namespace ActionPlan.Web.Features.Accounts;

public sealed record NewUser(string UserName, string? DisplayName, string Role, int? LeadUnitId, string Password);
