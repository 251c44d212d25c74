namespace ActionPlan.Web.Features.Channels;

/// <summary>The outcome of a channel change: the sentence the administrator sees and, on refusal, the fields to fix.</summary>
public sealed record ChannelResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static ChannelResult Ok(string message) => new(true, message, new Dictionary<string, string>());

    public static ChannelResult Fail(string message, string? field = null) =>
        new(false, message, field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = message });
}
