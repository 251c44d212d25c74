using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PlanTaskLeadUnitConfiguration : IEntityTypeConfiguration<PlanTaskLeadUnit>
{
    public void Configure(EntityTypeBuilder<PlanTaskLeadUnit> link)
    {
        link.HasKey(l => new { l.PlanTaskId, l.LeadUnitId });
        link.HasIndex(l => l.LeadUnitId);
        link.HasOne(l => l.PlanTask).WithMany(t => t.LeadUnits).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
