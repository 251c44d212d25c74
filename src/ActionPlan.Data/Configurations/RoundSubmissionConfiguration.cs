using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class RoundSubmissionConfiguration : IEntityTypeConfiguration<RoundSubmission>
{
    public void Configure(EntityTypeBuilder<RoundSubmission> submission)
    {
        submission.HasKey(s => new { s.RoundId, s.PlanTaskId, s.LeadUnitId });
        submission.HasOne(s => s.Round).WithMany(r => r.Submissions).OnDelete(DeleteBehavior.Cascade);
        submission.HasOne(s => s.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
        submission.HasOne(s => s.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        submission.HasOne(s => s.Report).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
