using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class SlipReplyAttachmentConfiguration : IEntityTypeConfiguration<SlipReplyAttachment>
{
    public void Configure(EntityTypeBuilder<SlipReplyAttachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(200);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.HasOne(a => a.Recipient).WithMany(r => r.Attachments).OnDelete(DeleteBehavior.Cascade);
    }
}
