namespace ActionPlan.Web.Features.Api;

/// <summary>The outcome of creating a token: the token, shown once, or what to fix (in Chinese) and at which field.</summary>
public sealed record ApiTokenCreation(string? Token, ApiTokenView? View, string? Problem, string? Field = null)
{
    public const string NameField = "Name";
    public const string ExpiryField = "ExpiresOn";

    public bool Succeeded => Token is not null;

    public static ApiTokenCreation Refused(string problem, string? field = null) => new(null, null, problem, field);
}
