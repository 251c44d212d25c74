using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PolicyDateConfiguration : IEntityTypeConfiguration<PolicyDate>
{
    public void Configure(EntityTypeBuilder<PolicyDate> date)
    {
        date.Property(d => d.Phrase).HasMaxLength(200);
        date.HasIndex(d => new { d.PlanTaskId, d.Position }).IsUnique();
        date.HasOne(d => d.PlanTask).WithMany(t => t.PolicyDates).OnDelete(DeleteBehavior.Cascade);
    }
}
