using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class LeadUnitConfiguration : IEntityTypeConfiguration<LeadUnit>
{
    public void Configure(EntityTypeBuilder<LeadUnit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(100);
        unit.HasIndex(u => u.Name).IsUnique();
    }
}
