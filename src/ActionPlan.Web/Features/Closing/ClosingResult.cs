namespace ActionPlan.Web.Features.Closing;

/// <summary>The outcome of 销号 or 恢复: a message for the user and, on failure, the field to fix.</summary>
public sealed record ClosingResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static ClosingResult Ok(string message) => new(true, message, new Dictionary<string, string>());

    public static ClosingResult Fail(string message, string? field = null) =>
        new(false, message, field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = message });
}
