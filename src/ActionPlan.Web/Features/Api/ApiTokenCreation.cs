namespace ActionPlan.Web.Features.Api;

/// <summary>The outcome of creating a token: the token, shown once, or what to fix (in Chinese).</summary>
public sealed record ApiTokenCreation(string? Token, ApiTokenView? View, string? Problem)
{
    public bool Succeeded => Token is not null;

    public static ApiTokenCreation Refused(string problem) => new(null, null, problem);
}
