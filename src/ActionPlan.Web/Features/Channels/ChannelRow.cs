using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Channels;

/// <summary>One channel as the channel page lists it; the key is shown masked, the secret never.</summary>
/// <param name="Unit">The lead unit's name, or 省营转办 for the office group.</param>
/// <param name="Pending">Messages waiting (including those retrying after a failure).</param>
/// <param name="Dead">Messages given up after the last attempt (失败).</param>
public sealed record ChannelRow(int Id, ChannelKind Kind, string Name, int? LeadUnitId, string Unit, string MaskedTarget, bool HasSecret, bool IsEnabled,
    DateTimeOffset? LastSentAt, int Pending, int Retrying, int Dead, string? LastError);
