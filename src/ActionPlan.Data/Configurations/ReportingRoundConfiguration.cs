using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ReportingRoundConfiguration : IEntityTypeConfiguration<ReportingRound>
{
    public void Configure(EntityTypeBuilder<ReportingRound> round)
    {
        round.Property(r => r.Name).HasMaxLength(100);
        round.Property(r => r.OpenedBy).HasMaxLength(256);
        round.Property(r => r.ClosedBy).HasMaxLength(256);
        // One round of a name per plan: a second click or instance cannot open it twice.
        round.HasIndex(r => new { r.PlanId, r.Name }).IsUnique();
        round.HasOne(r => r.Plan).WithMany().OnDelete(DeleteBehavior.Cascade);
        round.HasOne(r => r.Domain).WithMany().OnDelete(DeleteBehavior.Restrict);
        round.ToTable(t => t.HasCheckConstraint("CK_ReportingRounds_Period", "\"PeriodStart\" <= \"PeriodEnd\""));
    }
}
