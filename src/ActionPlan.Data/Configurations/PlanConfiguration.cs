using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.Property(p => p.Title).HasMaxLength(200);
        plan.Property(p => p.DocumentNumber).HasMaxLength(100);
        plan.Property(p => p.SourceHash).HasMaxLength(64);
        plan.Property(p => p.SourceName).HasMaxLength(260);
        plan.Property(p => p.Objective).HasMaxLength(4000);
        plan.Property(p => p.ArchivedBy).HasMaxLength(100);
        // The unique hash is what keeps two instances starting together from importing a file twice.
        plan.HasIndex(p => p.SourceHash).IsUnique();
    }
}
