using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PlanDataVersionConfiguration : IEntityTypeConfiguration<PlanDataVersion>
{
    public void Configure(EntityTypeBuilder<PlanDataVersion> version)
    {
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasData(new PlanDataVersion { Id = PlanDataVersion.RowId, Value = Guid.Empty });
    }
}
