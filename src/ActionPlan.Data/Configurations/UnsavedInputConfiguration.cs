using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class UnsavedInputConfiguration : IEntityTypeConfiguration<UnsavedInput>
{
    public const int FormKeyLength = 100;

    public void Configure(EntityTypeBuilder<UnsavedInput> input)
    {
        input.Property(i => i.UserName).HasMaxLength(256);
        input.Property(i => i.FormKey).HasMaxLength(FormKeyLength);
        // One input per user and form: a form reads it by both, and keeps it by overwriting.
        input.HasIndex(i => new { i.UserName, i.FormKey }).IsUnique();
    }
}
