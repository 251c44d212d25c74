namespace ActionPlan.Web.Features.Channels;

/// <summary>The outbox view's filter: 待发送 (waiting or retrying), 已发送, 失败 (given up).</summary>
public enum OutboxState
{
    Pending,
    Sent,
    Dead,
}
