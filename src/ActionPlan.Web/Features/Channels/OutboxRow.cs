using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Channels;

/// <summary>One outbox message as the channel page's 发送记录 shows it.</summary>
public sealed record OutboxRow(long Id, int ChannelId, string Channel, ChannelKind Kind, OutboxSource Source, string Title, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, int Attempts, DateTimeOffset? SentAt, string? LastError, bool IsDead)
{
    public OutboxState State => SentAt is not null ? OutboxState.Sent : IsDead ? OutboxState.Dead : OutboxState.Pending;
}
