using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Domain> Domains => Set<Domain>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<LeadUnit> LeadUnits => Set<LeadUnit>();
    public DbSet<PlanTaskLeadUnit> PlanTaskLeadUnits => Set<PlanTaskLeadUnit>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<PolicyDate> PolicyDates => Set<PolicyDate>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<ImportWarning> ImportWarnings => Set<ImportWarning>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A changed task gets a new version, so a concurrent save of the old version fails.</summary>
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<PlanTask>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
