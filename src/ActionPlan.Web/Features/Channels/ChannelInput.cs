using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Channels;

/// <summary>The add / edit form of a channel, kept as typed when the save is refused.</summary>
public sealed class ChannelInput
{
    public int? Id { get; set; }
    public ChannelKind Kind { get; set; } = ChannelKind.WeCom;
    public string Name { get; set; } = "";

    /// <summary>The unit it serves; null: the office group (省营转办).</summary>
    public int? LeadUnitId { get; set; }

    /// <summary>The robot's webhook address (or its key / access token alone), or the e-mail addresses. Empty on edit: keep the stored one.</summary>
    public string Target { get; set; } = "";

    /// <summary>钉钉's signing secret. Empty on edit: keep the stored one.</summary>
    public string Secret { get; set; } = "";

    public bool IsEnabled { get; set; } = true;
}
