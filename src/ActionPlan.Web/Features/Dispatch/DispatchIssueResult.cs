namespace ActionPlan.Web.Features.Dispatch;

/// <summary>The outcome of 签发: a message for the user and, on success, the issue's number.</summary>
public sealed record DispatchIssueResult(bool Succeeded, string Message, int? Number)
{
    public static DispatchIssueResult Ok(string message, int number) => new(true, message, number);

    public static DispatchIssueResult Fail(string message) => new(false, message, null);
}
