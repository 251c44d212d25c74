using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> report)
    {
        report.Property(r => r.Author).HasMaxLength(256);
        report.Property(r => r.Reviewer).HasMaxLength(256);
        report.Property(r => r.Text).HasMaxLength(TextLimits.LongText);
        report.Property(r => r.ReturnReason).HasMaxLength(TextLimits.Reason);
        report.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        report.HasIndex(r => new { r.State, r.SubmittedOrder });
        report.HasIndex(r => r.PlanTaskId);
        // A returned report is revised once: a second click or instance cannot fork it.
        report.HasIndex(r => r.PreviousReportId).IsUnique();
        report.HasOne(r => r.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
        report.HasOne(r => r.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
        report.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.PreviousReportId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<ReportingRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.SetNull);
        report.ToTable(t => t.HasCheckConstraint("CK_ProgressReports_ClaimedProgress", "\"ClaimedProgress\" >= 0 AND \"ClaimedProgress\" <= 100"));
    }
}
