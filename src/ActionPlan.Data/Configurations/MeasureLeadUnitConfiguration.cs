using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class MeasureLeadUnitConfiguration : IEntityTypeConfiguration<MeasureLeadUnit>
{
    public void Configure(EntityTypeBuilder<MeasureLeadUnit> link)
    {
        link.HasKey(l => new { l.MeasureId, l.LeadUnitId });
        link.HasOne(l => l.Measure).WithMany(m => m.LeadUnits).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
