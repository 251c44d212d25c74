using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.EntityType).HasMaxLength(50);
        entry.Property(e => e.EntityKey).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(50);
        entry.Property(e => e.Field).HasMaxLength(100);
        entry.Property(e => e.OldValue).HasMaxLength(TextLimits.LongText);
        entry.Property(e => e.NewValue).HasMaxLength(TextLimits.LongText);
        entry.Property(e => e.Reason).HasMaxLength(TextLimits.Reason);
        entry.HasIndex(e => new { e.EntityType, e.EntityKey });
        entry.HasIndex(e => e.PlanTaskId);
    }
}
