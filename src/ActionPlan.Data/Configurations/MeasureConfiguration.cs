using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> measure)
    {
        measure.Property(m => m.Title).HasMaxLength(200);
        measure.Property(m => m.Text).HasMaxLength(8000);
        measure.Property(m => m.LeadUnitClause).HasMaxLength(1000);
        measure.HasIndex(m => new { m.PlanId, m.Number }).IsUnique();
        measure.HasOne(m => m.Plan).WithMany(p => p.Measures).OnDelete(DeleteBehavior.Cascade);
    }
}
