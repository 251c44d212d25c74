using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class MilestoneHistoryConfiguration : IEntityTypeConfiguration<MilestoneHistory>
{
    public void Configure(EntityTypeBuilder<MilestoneHistory> history)
    {
        history.ToTable("MilestoneHistory", t => t.HasCheckConstraint("CK_MilestoneHistory_Period", "\"From\" < \"Until\""));
        history.HasOne(h => h.Milestone).WithMany().OnDelete(DeleteBehavior.Cascade);
        history.HasOne(h => h.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
        history.HasIndex(h => new { h.MilestoneId, h.From }).IsUnique();
        history.HasIndex(h => new { h.Until, h.From });
    }
}
