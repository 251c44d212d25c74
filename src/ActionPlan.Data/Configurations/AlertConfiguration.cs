using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> alert)
    {
        alert.ToTable("Alerts");
        alert.HasIndex(a => new { a.MilestoneId, a.Level, a.Occurrence }).IsUnique();
        alert.HasIndex(a => a.NotifiedOrder);
        alert.HasOne(a => a.Milestone).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
