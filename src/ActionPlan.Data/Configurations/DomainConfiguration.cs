using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class DomainConfiguration : IEntityTypeConfiguration<Domain>
{
    public void Configure(EntityTypeBuilder<Domain> domain)
    {
        domain.Property(d => d.Name).HasMaxLength(100);
        domain.HasIndex(d => new { d.PlanId, d.Number }).IsUnique();
        domain.HasOne(d => d.Plan).WithMany(p => p.Domains).OnDelete(DeleteBehavior.Cascade);
    }
}
