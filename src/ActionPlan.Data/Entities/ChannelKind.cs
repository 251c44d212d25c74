namespace ActionPlan.Data.Entities;

/// <summary>How a <see cref="MessageChannel"/> delivers: a group robot's webhook or e-mail.</summary>
public enum ChannelKind
{
    /// <summary>企业微信 (or 政务微信) group robot: webhook key, markdown message.</summary>
    WeCom = 0,

    /// <summary>钉钉 group robot: access token and signing secret, markdown message.</summary>
    DingTalk = 1,

    /// <summary>E-mail over the configured SMTP server.</summary>
    Email = 2,
}
