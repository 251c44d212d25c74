using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActionPlan.Data.Configurations;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.Property(p => p.Title).HasMaxLength(200);
        plan.Property(p => p.DocumentNumber).HasMaxLength(100);
        plan.Property(p => p.SourceHash).HasMaxLength(64);
        plan.Property(p => p.SourceName).HasMaxLength(260);
        plan.Property(p => p.Objective).HasMaxLength(4000);
        // The unique hash is what keeps two instances starting together from importing a file twice.
        plan.HasIndex(p => p.SourceHash).IsUnique();
    }
}

public sealed class DomainConfiguration : IEntityTypeConfiguration<Domain>
{
    public void Configure(EntityTypeBuilder<Domain> domain)
    {
        domain.Property(d => d.Name).HasMaxLength(100);
        domain.HasIndex(d => new { d.PlanId, d.Number }).IsUnique();
        domain.HasOne(d => d.Plan).WithMany(p => p.Domains).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> task)
    {
        task.ToTable("PlanTasks");
        task.Property(t => t.Title).HasMaxLength(200);
        task.Property(t => t.Text).HasMaxLength(8000);
        task.Property(t => t.LeadUnitClause).HasMaxLength(1000);
        task.Property(t => t.ResponsibilityNote).HasMaxLength(200);
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        task.Property(t => t.ProgressSummary).HasMaxLength(TextLimits.LongText);
        task.Property(t => t.Difficulties).HasMaxLength(TextLimits.LongText);
        task.Property(t => t.SuspensionReason).HasMaxLength(TextLimits.Reason);
        task.HasIndex(t => new { t.PlanId, t.Number }).IsUnique();
        task.HasIndex(t => t.DomainId);
        task.HasOne(t => t.Plan).WithMany(p => p.Tasks).OnDelete(DeleteBehavior.Cascade);
        // Domains go with their plan; a task is never orphaned by deleting a domain on its own.
        task.HasOne(t => t.Domain).WithMany(d => d.Tasks).OnDelete(DeleteBehavior.Restrict);
        task.ToTable(t => t.HasCheckConstraint("CK_PlanTasks_Progress", "\"Progress\" >= 0 AND \"Progress\" <= 100"));
    }
}

public sealed class LeadUnitConfiguration : IEntityTypeConfiguration<LeadUnit>
{
    public void Configure(EntityTypeBuilder<LeadUnit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(100);
        unit.HasIndex(u => u.Name).IsUnique();
    }
}

public sealed class PlanTaskLeadUnitConfiguration : IEntityTypeConfiguration<PlanTaskLeadUnit>
{
    public void Configure(EntityTypeBuilder<PlanTaskLeadUnit> link)
    {
        link.HasKey(l => new { l.PlanTaskId, l.LeadUnitId });
        link.HasIndex(l => l.LeadUnitId);
        link.HasOne(l => l.PlanTask).WithMany(t => t.LeadUnits).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> milestone)
    {
        milestone.Property(m => m.Phrase).HasMaxLength(100);
        milestone.Property(m => m.Clause).HasMaxLength(2000);
        milestone.HasIndex(m => new { m.PlanTaskId, m.Position }).IsUnique();
        milestone.HasIndex(m => m.Due);
        milestone.HasOne(m => m.PlanTask).WithMany(t => t.Milestones).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PolicyDateConfiguration : IEntityTypeConfiguration<PolicyDate>
{
    public void Configure(EntityTypeBuilder<PolicyDate> date)
    {
        date.Property(d => d.Phrase).HasMaxLength(200);
        date.HasIndex(d => new { d.PlanTaskId, d.Position }).IsUnique();
        date.HasOne(d => d.PlanTask).WithMany(t => t.PolicyDates).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> measure)
    {
        measure.Property(m => m.Title).HasMaxLength(200);
        measure.Property(m => m.Text).HasMaxLength(8000);
        measure.Property(m => m.LeadUnitClause).HasMaxLength(1000);
        measure.HasIndex(m => new { m.PlanId, m.Number }).IsUnique();
        measure.HasOne(m => m.Plan).WithMany(p => p.Measures).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeasureLeadUnitConfiguration : IEntityTypeConfiguration<MeasureLeadUnit>
{
    public void Configure(EntityTypeBuilder<MeasureLeadUnit> link)
    {
        link.HasKey(l => new { l.MeasureId, l.LeadUnitId });
        link.HasOne(l => l.Measure).WithMany(m => m.LeadUnits).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.LeadUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

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
