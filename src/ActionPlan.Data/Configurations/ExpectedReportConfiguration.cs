using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ExpectedReportConfiguration : IEntityTypeConfiguration<ExpectedReport>
{
    public void Configure(EntityTypeBuilder<ExpectedReport> expected)
    {
        expected.HasIndex(e => new { e.RoundId, e.PlanTaskId, e.LeadUnitId }).IsUnique();
        expected.HasIndex(e => new { e.LeadUnitId, e.RoundId });
        expected.HasOne(e => e.Round).WithMany(r => r.Expected).OnDelete(DeleteBehavior.Cascade);
        expected.HasOne(e => e.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
        expected.HasOne(e => e.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        expected.HasOne(e => e.Report).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
