using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class FigureCellConfiguration : IEntityTypeConfiguration<FigureCell>
{
    public void Configure(EntityTypeBuilder<FigureCell> cell)
    {
        cell.HasIndex(c => new { c.PlanId, c.LeadUnitId, c.DomainId });
        cell.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        cell.HasOne(c => c.LeadUnit).WithMany().HasForeignKey(c => c.LeadUnitId).OnDelete(DeleteBehavior.Cascade);
        cell.HasOne(c => c.Domain).WithMany().HasForeignKey(c => c.DomainId).OnDelete(DeleteBehavior.Cascade);
    }
}
