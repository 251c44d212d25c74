using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public const int NameLength = 100;
    public const int PrefixLength = 10;
    public const int HashLength = 64;

    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(NameLength);
        token.Property(t => t.Prefix).HasMaxLength(PrefixLength);
        token.Property(t => t.Hash).HasMaxLength(HashLength).IsFixedLength();
        // Each request looks its token up by hash.
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
