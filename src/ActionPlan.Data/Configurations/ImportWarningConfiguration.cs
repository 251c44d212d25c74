using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class ImportWarningConfiguration : IEntityTypeConfiguration<ImportWarning>
{
    public void Configure(EntityTypeBuilder<ImportWarning> warning)
    {
        warning.Property(w => w.Kind).HasMaxLength(40);
        warning.Property(w => w.Message).HasMaxLength(1000);
        warning.HasIndex(w => new { w.PlanId, w.Position }).IsUnique();
        warning.HasOne(w => w.Plan).WithMany(p => p.ImportWarnings).OnDelete(DeleteBehavior.Cascade);
    }
}
