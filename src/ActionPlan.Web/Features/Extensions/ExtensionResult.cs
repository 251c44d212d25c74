namespace ActionPlan.Web.Features.Extensions;

/// <summary>The outcome of a 延期申请 or its decision: a message for the user and, on failure, the fields to fix.</summary>
public sealed record ExtensionResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors, int? RequestId = null)
{
    public static ExtensionResult Ok(string message, int? id = null) => new(true, message, new Dictionary<string, string>(), id);

    public static ExtensionResult Fail(string message, string? field = null) =>
        new(false, message, field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = message });
}
