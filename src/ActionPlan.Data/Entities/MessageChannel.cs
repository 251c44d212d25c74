namespace ActionPlan.Data.Entities;

/// <summary>
/// Where alerts and 催报 of one lead unit (or of the office group, 省营转办, when <see cref="LeadUnitId"/> is
/// null) are also sent outside the portal: a 企业微信 or 钉钉 group robot, or e-mail addresses.
/// </summary>
public class MessageChannel
{
    public int Id { get; set; }
    public ChannelKind Kind { get; set; }

    /// <summary>What the administrator calls it ("市场监管局工作群").</summary>
    public required string Name { get; set; }

    /// <summary>The unit whose alerts and 催报 it carries; null: the office group, which gets every alert.</summary>
    public int? LeadUnitId { get; set; }
    public LeadUnit? LeadUnit { get; set; }

    /// <summary>
    /// 企业微信: the webhook key; 钉钉: the access token; e-mail: the addresses, separated by ";". The robots'
    /// address is the configured base URL with this key, so a key alone never points a request elsewhere.
    /// </summary>
    public required string Target { get; set; }

    /// <summary>钉钉's signing secret (加签, "SEC…"); null for the other kinds.</summary>
    public string? Secret { get; set; }

    public bool IsEnabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
