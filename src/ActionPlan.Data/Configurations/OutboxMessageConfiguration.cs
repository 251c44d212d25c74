using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int SourceKeyLength = 64;
    public const int TitleLength = 200;
    public const int ErrorLength = 1000;

    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.SourceKey).HasMaxLength(SourceKeyLength);
        message.Property(m => m.Title).HasMaxLength(TitleLength);
        message.Property(m => m.LastError).HasMaxLength(ErrorLength);
        // Enqueued once per channel and cause, even when two instances write it.
        message.HasIndex(m => new { m.ChannelId, m.SourceKind, m.SourceKey }).IsUnique();
        // The sender's pick of due messages, and each robot's count of the last minute.
        message.HasIndex(m => new { m.SentAt, m.IsDead, m.NextAttemptAt });
        message.HasIndex(m => new { m.ChannelId, m.SentAt });
        message.HasOne(m => m.Channel).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
