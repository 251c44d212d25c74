using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class FigureSnapshotConfiguration : IEntityTypeConfiguration<FigureSnapshot>
{
    public void Configure(EntityTypeBuilder<FigureSnapshot> snapshot)
    {
        snapshot.HasKey(s => s.PlanId);
        snapshot.Property(s => s.PlanId).ValueGeneratedNever();
        snapshot.HasOne<Plan>().WithOne().HasForeignKey<FigureSnapshot>(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
