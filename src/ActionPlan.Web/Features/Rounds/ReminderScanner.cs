using ActionPlan.Data;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// Automatic 催报: at start-up and every <c>ReportReminders:ScanInterval</c>, each unit with reports missing
/// in an open round is reminded at the latest step (days from the due day) reached. A step is sent once per
/// round and unit, whatever the number of scans, restarts or instances (a unique key; on PostgreSQL an
/// advisory lock also keeps a second instance idle). A scan is two set-based statements in one transaction.
/// </summary>
public sealed class ReminderScanner : PeriodicScan
{
    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly PortalClock _clock;
    private readonly ReminderOptions _options;
    private readonly RoundNotifier _notifier;
    private readonly ILogger<ReminderScanner> _logger;

    public ReminderScanner(IDbContextFactory<AppDbContext> contexts, PortalClock clock, ReminderOptions options, RoundNotifier notifier, TimeProvider time, ILogger<ReminderScanner> logger)
        : base(options.ScanInterval, time, logger)
    {
        _contexts = contexts;
        _clock = clock;
        _options = options;
        _notifier = notifier;
        _logger = logger;
    }

    protected override string FailureMessage => "Report reminder scan failed";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => ScanAsync(cancellationToken);

    /// <summary>One scan as of the portal's today; returns how many reminders (round × unit) it raised, or null when another instance holds the lock.</summary>
    public async Task<int?> ScanAsync(CancellationToken cancellationToken = default)
    {
        var today = _clock.Today;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var dialect = SqlDialect.Of(db.Database);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (dialect.TryTransactionLock(AdvisoryLocks.ReportReminders) is { } tryLock && !await db.Database.SqlQueryRaw<bool>(tryLock).SingleAsync(cancellationToken))
        {
            return null;
        }

        var batch = await _notifier.NextBatchAsync(db, cancellationToken);
        var steps = _options.StepDays;
        // What an open round still misses, as ExpectedReports defines it: its tasks that are not 销号 × their
        // units, less what it received (open rounds keep no RoundMembership rows).
        // The steps are a parameter each ({3}, {4}, …); the latest one reached decides, earlier ones are not sent late.
        var values = string.Join(", ", steps.Select((_, i) => $"({{{i + 3}}})"));
        var sql = $$"""
            WITH steps("Step") AS (VALUES {{values}}),
            reached AS (
                SELECT r."Id" AS "RoundId", MAX(s."Step") AS "Step"
                FROM "ReportingRounds" r CROSS JOIN steps s
                WHERE r."ClosedAt" IS NULL
                  AND NOT EXISTS (SELECT 1 FROM "Plans" p WHERE p."Id" = r."PlanId" AND p."ArchivedAt" IS NOT NULL)
                  AND {{dialect.AddDays("r.\"DueOn\"", "s.\"Step\"")}} <= {0}
                GROUP BY r."Id")
            INSERT INTO "ReportChases" ("RoundId", "LeadUnitId", "Step", "Missing", "At", "BatchOrder")
            SELECT d."RoundId", e."LeadUnitId", d."Step", COUNT(*), {1}, {2}
            FROM reached d
            JOIN "ReportingRounds" r ON r."Id" = d."RoundId"
            JOIN "PlanTasks" t ON t."PlanId" = r."PlanId" AND (r."DomainId" IS NULL OR t."DomainId" = r."DomainId")
            JOIN "PlanTaskLeadUnits" e ON e."PlanTaskId" = t."Id"
            WHERE t."ClosedAt" IS NULL
              AND NOT EXISTS (SELECT 1 FROM "RoundSubmissions" s WHERE s."RoundId" = r."Id" AND s."PlanTaskId" = t."Id" AND s."LeadUnitId" = e."LeadUnitId")
            GROUP BY d."RoundId", e."LeadUnitId", d."Step"
            ON CONFLICT ("RoundId", "LeadUnitId", "Step") DO NOTHING
            """;
        object[] parameters = [today, _clock.Now, batch, .. steps.Cast<object>()];
        var reminders = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        var notified = reminders == 0 ? 0 : await _notifier.NotifyChasesAsync(db, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (reminders > 0)
        {
            _logger.LogInformation("Report reminders as of {Today}: {Reminders} units reminded, {Notified} notifications",
                today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reminders, notified);
            _notifier.Publish();
        }

        return reminders;
    }
}
