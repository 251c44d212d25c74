using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class SlipRecipientConfiguration : IEntityTypeConfiguration<SlipRecipient>
{
    public void Configure(EntityTypeBuilder<SlipRecipient> recipient)
    {
        recipient.Property(r => r.Done).HasMaxLength(TextLimits.LongText);
        recipient.Property(r => r.NextPlan).HasMaxLength(TextLimits.LongText);
        recipient.Property(r => r.RepliedBy).HasMaxLength(256);
        recipient.HasIndex(r => new { r.SlipId, r.LeadUnitId }).IsUnique();
        recipient.HasIndex(r => r.LeadUnitId);
        recipient.HasOne(r => r.Slip).WithMany(s => s.Recipients).OnDelete(DeleteBehavior.Cascade);
        recipient.HasOne(r => r.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
