using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ReportChaseConfiguration : IEntityTypeConfiguration<ReportChase>
{
    public void Configure(EntityTypeBuilder<ReportChase> chase)
    {
        chase.Property(c => c.By).HasMaxLength(256);
        chase.Property(c => c.Note).HasMaxLength(500);
        // An automatic reminder once per round, unit and step, across scans, restarts and instances; chases by
        // hand have no step (NULLs never collide) and are all kept.
        chase.HasIndex(c => new { c.RoundId, c.LeadUnitId, c.Step }).IsUnique();
        chase.HasIndex(c => c.BatchOrder);
        chase.HasOne(c => c.Round).WithMany().OnDelete(DeleteBehavior.Cascade);
        chase.HasOne(c => c.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
