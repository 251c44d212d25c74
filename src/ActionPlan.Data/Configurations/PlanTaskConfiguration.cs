using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> task)
    {
        task.ToTable("PlanTasks");
        task.Property(t => t.Title).HasMaxLength(200);
        task.Property(t => t.Text).HasMaxLength(8000);
        task.Property(t => t.LeadUnitClause).HasMaxLength(1000);
        task.Property(t => t.ResponsibilityNote).HasMaxLength(200);
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        task.Property(t => t.ProgressSummary).HasMaxLength(TextLimits.LongText);
        task.Property(t => t.Difficulties).HasMaxLength(TextLimits.LongText);
        task.Property(t => t.SuspensionReason).HasMaxLength(TextLimits.Reason);
        task.Property(t => t.ClosedBy).HasMaxLength(256);
        task.HasIndex(t => new { t.PlanId, t.Number }).IsUnique();
        // NO ACTION (checked at the statement's end), so deleting a plan removes tasks and reports together.
        task.HasOne<ProgressReport>().WithMany().HasForeignKey(t => t.ClosingReportId).OnDelete(DeleteBehavior.ClientSetNull);
        task.HasIndex(t => t.DomainId);
        task.HasOne(t => t.Plan).WithMany(p => p.Tasks).OnDelete(DeleteBehavior.Cascade);
        // Domains go with their plan; a task is never orphaned by deleting a domain on its own.
        task.HasOne(t => t.Domain).WithMany(d => d.Tasks).OnDelete(DeleteBehavior.Restrict);
        task.ToTable(t => t.HasCheckConstraint("CK_PlanTasks_Progress", "\"Progress\" >= 0 AND \"Progress\" <= 100"));
    }
}
