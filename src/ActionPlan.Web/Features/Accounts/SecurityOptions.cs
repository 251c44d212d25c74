using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Accounts;

/// <summary><c>Security:*</c>: sign-in rate limit and how soon account changes end open sessions.</summary>
public sealed class SecurityOptions : IValidatedOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in posts allowed per client address and minute; more get HTTP 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How soon a disabled account or a changed role ends an existing sign-in.</summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (SignInAttemptsPerMinute < 1)
        {
            yield return $"{Section}:SignInAttemptsPerMinute must be 1 or more (is {SignInAttemptsPerMinute}).";
        }

        if (SessionValidationInterval < TimeSpan.Zero)
        {
            yield return $"{Section}:SessionValidationInterval must be a time span such as 00:01:00, not negative (is {SessionValidationInterval}).";
        }
    }
}
