using ActionPlan.Data.Entities;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// Tells this instance's 报送与督办 figures (<see cref="RoundReportingFigures"/>) that a save changed what they
/// count: rounds and their expected reports, progress reports, 督办单 and their recipients, 延期申请, milestones
/// and task units. At once, or at the commit when the save ran inside an explicit transaction. A change written
/// with ExecuteUpdate or raw SQL alone shows when the kept figures expire; one by another instance on the same
/// PostgreSQL database arrives through <see cref="InstanceSignals"/>.
/// </summary>
public sealed class ReportingDataSaved(InstanceSignals? signals = null) : SaveSignal(signals)
{
    protected override string Name => "reporting-data";

    protected override bool Concerns(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Entity));

    private static bool Counts(object entity) => entity is ReportingRound or RoundSubmission or RoundMembership or ProgressReport or SupervisionSlip or SlipRecipient
        or ExtensionRequest or Milestone or PlanTaskLeadUnit or PlanTask;
}
