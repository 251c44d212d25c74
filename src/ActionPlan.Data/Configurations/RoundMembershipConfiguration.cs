using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class RoundMembershipConfiguration : IEntityTypeConfiguration<RoundMembership>
{
    public void Configure(EntityTypeBuilder<RoundMembership> membership)
    {
        membership.HasKey(m => new { m.RoundId, m.PlanTaskId });
        membership.HasOne(m => m.Round).WithMany().OnDelete(DeleteBehavior.Cascade);
        membership.HasOne(m => m.PlanTask).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
