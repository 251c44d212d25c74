using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PlanTaskSupportingUnitConfiguration : IEntityTypeConfiguration<PlanTaskSupportingUnit>
{
    public void Configure(EntityTypeBuilder<PlanTaskSupportingUnit> link)
    {
        link.HasKey(l => new { l.PlanTaskId, l.LeadUnitId });
        link.HasIndex(l => l.LeadUnitId);
        link.HasOne(l => l.PlanTask).WithMany(t => t.SupportingUnits).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
