namespace ActionPlan.Web.Features.Rounds;

/// <summary>The outcome of a change to a round: a message for the user and, on failure, the fields to fix.</summary>
public sealed record RoundResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors, int? RoundId = null)
{
    public static RoundResult Ok(string message, int? id = null) => new(true, message, new Dictionary<string, string>(), id);

    public static RoundResult Fail(string message, string? field = null) =>
        new(false, message, field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = message });
}
