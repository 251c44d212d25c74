using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> request)
    {
        request.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        request.Property(r => r.RequestedBy).HasMaxLength(256);
        request.Property(r => r.DecidedBy).HasMaxLength(256);
        request.Property(r => r.DecisionNote).HasMaxLength(TextLimits.Reason);
        request.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        request.HasIndex(r => new { r.State, r.MilestoneId });
        // One pending request per milestone: a second click or instance cannot file two.
        request.HasIndex(r => r.MilestoneId).IsUnique().HasFilter("\"State\" = 'Pending'");
        request.HasOne(r => r.Milestone).WithMany().OnDelete(DeleteBehavior.Cascade);
        request.HasOne(r => r.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        request.ToTable(t => t.HasCheckConstraint("CK_ExtensionRequests_Later", "\"RequestedDue\" > \"CurrentDue\""));
    }
}
