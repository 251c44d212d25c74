using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> milestone)
    {
        milestone.Property(m => m.Phrase).HasMaxLength(100);
        milestone.Property(m => m.Clause).HasMaxLength(2000);
        milestone.HasIndex(m => new { m.PlanTaskId, m.Position }).IsUnique();
        milestone.HasIndex(m => m.Due);
        milestone.HasOne(m => m.PlanTask).WithMany(t => t.Milestones).OnDelete(DeleteBehavior.Cascade);
    }
}
