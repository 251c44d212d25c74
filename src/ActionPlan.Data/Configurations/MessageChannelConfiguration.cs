using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class MessageChannelConfiguration : IEntityTypeConfiguration<MessageChannel>
{
    public const int NameLength = 100;
    public const int TargetLength = 1000;
    public const int SecretLength = 200;

    public void Configure(EntityTypeBuilder<MessageChannel> channel)
    {
        channel.Property(c => c.Name).HasMaxLength(NameLength);
        channel.Property(c => c.Target).HasMaxLength(TargetLength);
        channel.Property(c => c.Secret).HasMaxLength(SecretLength);
        // The enqueueing statements look channels up by unit.
        channel.HasIndex(c => c.LeadUnitId);
        channel.HasOne(c => c.LeadUnit).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
