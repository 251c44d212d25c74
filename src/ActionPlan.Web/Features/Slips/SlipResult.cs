namespace ActionPlan.Web.Features.Slips;

/// <summary>The outcome of a change to a slip: a message for the user and, on failure, the fields to fix.</summary>
public sealed record SlipResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors, int? SlipId = null)
{
    public static SlipResult Ok(string message, int? id = null) => new(true, message, new Dictionary<string, string>(), id);

    public static SlipResult Fail(string message, string? field = null) =>
        new(false, message, field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = message });

    public static SlipResult Fail(IReadOnlyDictionary<string, string> errors) =>
        new(false, errors.Count == 1 ? errors.Values.First() : "请按提示修改后再提交。", errors);
}
