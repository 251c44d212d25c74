using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class IssuedDispatchReportConfiguration : IEntityTypeConfiguration<IssuedDispatchReport>
{
    public void Configure(EntityTypeBuilder<IssuedDispatchReport> report)
    {
        report.Property(r => r.IssuedBy).HasMaxLength(256);
        report.Property(r => r.IssuerName).HasMaxLength(256);
        report.Property(r => r.Title).HasMaxLength(300);
        report.Property(r => r.Summary).HasMaxLength(4000);
        // One 第N期 per plan: two offices issuing at once cannot both take the same number.
        report.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
        report.HasOne(r => r.Plan).WithMany().OnDelete(DeleteBehavior.Cascade);
        report.ToTable(t => t.HasCheckConstraint("CK_IssuedDispatchReports_Number", "\"Number\" > 0"));
    }
}
