using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Channels;

/// <summary>The Chinese words of channel kinds, message sources and outbox states.</summary>
public static class ChannelText
{
    public const string OfficeGroup = "省营转办";

    public static string Label(ChannelKind kind) => kind switch
    {
        ChannelKind.WeCom => "企业微信机器人",
        ChannelKind.DingTalk => "钉钉机器人",
        ChannelKind.Email => "电子邮件",
        _ => kind.ToString(),
    };

    public static string Label(OutboxSource source) => source switch
    {
        OutboxSource.Alerts => "预警",
        OutboxSource.Chase => "催报",
        OutboxSource.Test => "测试消息",
        _ => source.ToString(),
    };

    public static string Label(OutboxState state) => state switch
    {
        OutboxState.Pending => "待发送",
        OutboxState.Sent => "已发送",
        OutboxState.Dead => "失败",
        _ => state.ToString(),
    };

    /// <summary>A key shown so it can be recognised but not used: its first and last four characters.</summary>
    public static string Mask(string key) => key.Length <= 10 ? new string('•', key.Length) : $"{key[..4]}…{key[^4..]}";
}
