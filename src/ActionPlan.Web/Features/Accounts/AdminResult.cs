namespace ActionPlan.Web.Features.Accounts;

/// <summary>Outcome of an account change, with the Chinese sentence the admin sees.</summary>
public sealed record AdminResult(bool Succeeded, string Message)
{
    public static AdminResult Ok(string message) => new(true, message);
    public static AdminResult Fail(string message) => new(false, message);
}
