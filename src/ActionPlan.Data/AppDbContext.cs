using ActionPlan.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.Data;

/// <summary>
/// The portal's one database: plans and tasks, Identity accounts, the audit trail and the data-protection
/// keys (stored here so several instances share sign-ins).
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Domain> Domains => Set<Domain>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<LeadUnit> LeadUnits => Set<LeadUnit>();
    public DbSet<PlanTaskLeadUnit> PlanTaskLeadUnits => Set<PlanTaskLeadUnit>();
    public DbSet<PlanTaskSupportingUnit> PlanTaskSupportingUnits => Set<PlanTaskSupportingUnit>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<PolicyDate> PolicyDates => Set<PolicyDate>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<ImportWarning> ImportWarnings => Set<ImportWarning>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FigureCell> FigureCells => Set<FigureCell>();
    public DbSet<FigureSnapshot> FigureSnapshots => Set<FigureSnapshot>();
    public DbSet<PlanDataVersion> PlanDataVersions => Set<PlanDataVersion>();
    public DbSet<ReportingRound> ReportingRounds => Set<ReportingRound>();
    public DbSet<RoundSubmission> RoundSubmissions => Set<RoundSubmission>();
    public DbSet<RoundMembership> RoundMemberships => Set<RoundMembership>();
    public DbSet<ReportChase> ReportChases => Set<ReportChase>();
    public DbSet<SupervisionSlip> SupervisionSlips => Set<SupervisionSlip>();
    public DbSet<SlipRecipient> SlipRecipients => Set<SlipRecipient>();
    public DbSet<SlipReplyAttachment> SlipReplyAttachments => Set<SlipReplyAttachment>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<TaskHistory> TaskHistory => Set<TaskHistory>();
    public DbSet<MilestoneHistory> MilestoneHistory => Set<MilestoneHistory>();
    public DbSet<IssuedDispatchReport> IssuedDispatchReports => Set<IssuedDispatchReport>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<MessageChannel> MessageChannels => Set<MessageChannel>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<UnsavedInput> UnsavedInputs => Set<UnsavedInput>();

    /// <summary>
    /// Identity reads its schema version from the application's IdentityOptions. Contexts built outside
    /// the app (the EF design-time factories) attach these so they build the same model as the app does.
    /// </summary>
    public static IServiceProvider IdentityModelServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(ConfigureIdentityStore)
        .BuildServiceProvider();

    /// <summary>The store options the app and the design-time factories share.</summary>
    public static void ConfigureIdentityStore(IdentityOptions options) =>
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// <summary>Whether the save in progress (or the last one) changes what 总览 counts.</summary>
    public bool SavesPlanData { get; private set; }

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

    /// <summary>
    /// The save of <paramref name="entity"/> succeeds only while the database still holds
    /// <paramref name="expected"/>, the version the user's form was loaded with; the new version is stamped
    /// at the save.
    /// </summary>
    public void ExpectVersion(IVersioned entity, Guid expected) =>
        Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = expected;

    /// <summary>
    /// Every added or changed <see cref="IVersioned"/> entity gets a new version here, the one place that
    /// stamps them, so a concurrent save of the old version fails. A milestone belongs to its task: changing
    /// it moves the task's version too (when the task is loaded, as every service that changes milestones
    /// does). A save that touches what 总览 counts also changes the <see cref="PlanDataVersion"/>, in the
    /// same transaction.
    /// </summary>
    private void StampVersions()
    {
        // One pass over the tracked entries (each Entries() call runs change detection again).
        PlanDataVersion? version = null;
        var planData = false;
        var stamped = new HashSet<IVersioned>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries())
        {
            var changed = entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;
            planData |= changed && entry.Entity is Plan or Domain or PlanTask or Milestone or PlanTaskLeadUnit or LeadUnit;
            switch (entry.Entity)
            {
                case PlanDataVersion tracked:
                    version = tracked;
                    break;
                case IVersioned versioned when entry.State is EntityState.Added or EntityState.Modified:
                    stamped.Add(versioned);
                    break;
                case Milestone { PlanTask: { } task } when changed:
                    stamped.Add(task);
                    break;
            }
        }

        // Stamped after the pass: a task whose only change is a milestone turns Modified here, and the
        // UPDATE still compares the version it was loaded with (or the one a service set as expected).
        foreach (var versioned in stamped)
        {
            if (Entry(versioned).State is not (EntityState.Deleted or EntityState.Detached))
            {
                Entry(versioned).Property(nameof(IVersioned.Version)).CurrentValue = Guid.NewGuid();
            }
        }

        SavesPlanData = planData;
        if (!planData)
        {
            return;
        }

        if (version is not null)
        {
            version.Value = Guid.NewGuid();
        }
        else
        {
            Attach(new PlanDataVersion { Id = PlanDataVersion.RowId }).Property(v => v.Value).CurrentValue = Guid.NewGuid();
        }
    }
}
