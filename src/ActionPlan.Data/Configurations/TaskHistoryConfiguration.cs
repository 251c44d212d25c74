using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class TaskHistoryConfiguration : IEntityTypeConfiguration<TaskHistory>
{
    public void Configure(EntityTypeBuilder<TaskHistory> history)
    {
        history.ToTable("TaskHistory", t => t.HasCheckConstraint("CK_TaskHistory_Period", "\"From\" < \"Until\""));
        // Stored as the tasks store it, so the as-of query can put one in the place of the other.
        history.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        history.Property(h => h.ProgressSummary).HasMaxLength(TextLimits.LongText);
        history.Property(h => h.Difficulties).HasMaxLength(TextLimits.LongText);
        history.HasOne(h => h.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
        // One row per task and first day; the as-of figures read the rows of one day by their period.
        history.HasIndex(h => new { h.PlanTaskId, h.From }).IsUnique();
        history.HasIndex(h => new { h.Until, h.From });
    }
}
