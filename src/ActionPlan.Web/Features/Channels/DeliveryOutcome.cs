namespace ActionPlan.Web.Features.Channels;

/// <summary>What one delivery attempt came to.</summary>
/// <param name="Error">For a failure: what went wrong, for the log and the administrator (never a key or secret).</param>
/// <param name="Throttled">The robot refused for sending too fast: the message waits for the next minute and the attempt does not count.</param>
public sealed record DeliveryOutcome(bool Sent, string? Error = null, bool Throttled = false)
{
    public static readonly DeliveryOutcome Success = new(true);

    public static DeliveryOutcome Failed(string error) => new(false, error);
}
