using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class SupervisionSlipConfiguration : IEntityTypeConfiguration<SupervisionSlip>
{
    public void Configure(EntityTypeBuilder<SupervisionSlip> slip)
    {
        slip.Property(s => s.Matter).HasMaxLength(TextLimits.LongText);
        slip.Property(s => s.IssuedBy).HasMaxLength(256);
        slip.Property(s => s.ClosedBy).HasMaxLength(256);
        slip.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
        slip.HasIndex(s => s.PlanTaskId);
        slip.HasIndex(s => s.Number);
        // A slip is escalated once: a second click or instance cannot issue two successors.
        slip.HasIndex(s => s.EscalatedFromId).IsUnique();
        slip.HasOne(s => s.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
        slip.HasOne(s => s.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
        slip.HasOne<SupervisionSlip>().WithMany().HasForeignKey(s => s.EscalatedFromId).OnDelete(DeleteBehavior.Restrict);
    }
}
