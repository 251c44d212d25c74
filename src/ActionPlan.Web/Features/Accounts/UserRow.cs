namespace ActionPlan.Web.Features.Accounts;

public sealed record UserRow(
    string Id, string UserName, string? DisplayName, string Role, int? LeadUnitId, string? LeadUnitName,
    bool IsDisabled, bool MustChangePassword, bool IsLockedOut);
