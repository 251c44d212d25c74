using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>
/// Raises alerts for milestones entering 临期, 紧急 and 逾期 (and a reminder every OverdueRepeatDays while
/// overdue), and notifies the office and the task's units. Each scan is two set-based statements in one
/// transaction, whatever the number of milestones; a scan that finds nothing new writes nothing. The
/// unique alert key makes re-scans, restarts and parallel instances safe; on PostgreSQL an advisory lock
/// also keeps a second instance from doing the same work at the same time. The enabled 消息通道 of the units
/// and the office get one outbox message per scan in the same transaction (a third statement).
/// </summary>
public sealed class DeadlineScanner : PeriodicScan
{
    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly PortalClock _clock;
    private readonly DeadlineSettings _settings;
    private readonly AlertFeed _feed;
    private readonly OutboxWriter _outbox;
    private readonly ILogger<DeadlineScanner> _logger;

    public DeadlineScanner(IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings, AlertFeed feed, OutboxWriter outbox, TimeProvider time, ILogger<DeadlineScanner> logger)
        : base(settings.ScanInterval, time, logger)
    {
        _contexts = contexts;
        _clock = clock;
        _settings = settings;
        _feed = feed;
        _outbox = outbox;
        _logger = logger;
    }

    protected override string FailureMessage => "Deadline scan failed";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => ScanUntilCompleteAsync(cancellationToken);

    /// <summary>Scans until nothing is left to raise: a large backlog goes in bounded batches, each a short transaction.</summary>
    public async Task<ScanResult> ScanUntilCompleteAsync(CancellationToken cancellationToken = default)
    {
        var total = new ScanResult(true, 0, 0);
        ScanResult last;
        do
        {
            last = await ScanAsync(cancellationToken);
            total = new ScanResult(last.Ran, total.AlertsRaised + last.AlertsRaised, total.NotificationsCreated + last.NotificationsCreated);
        }
        while (last is { Ran: true, Complete: false });

        return total;
    }

    public async Task<ScanResult> ScanAsync(CancellationToken cancellationToken = default)
    {
        var today = _clock.Today;
        var now = _clock.Now;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var dialect = SqlDialect.Of(db.Database);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (dialect.TryTransactionLock(AdvisoryLocks.DeadlineScan) is { } tryLock && !await db.Database.SqlQueryRaw<bool>(tryLock).SingleAsync(cancellationToken))
        {
            _logger.LogInformation("Another instance is scanning deadlines; this one skips the tick");
            return new ScanResult(false, 0, 0);
        }

        if (dialect.AsynchronousCommit is { } asynchronousCommit)
        {
            // Alerts are derived data: if the server crashed right after this commit, the next scan raises
            // them again (the unique key keeps that exact). So the scan need not wait for the WAL flush.
            await db.Database.ExecuteSqlRawAsync(asynchronousCommit, cancellationToken);
        }

        // The batch key ties this scan's alerts to their digests: the time in ticks, kept strictly increasing
        // so back-to-back batches (or a fixed demo clock) never share one.
        var lastBatch = await db.Alerts.MaxAsync(a => a.NotifiedOrder, cancellationToken) ?? 0;
        var batch = Math.Max(now.UtcTicks, lastBatch + 1);
        var rule = MilestoneSql.Positional(dialect);
        var daysOverdue = dialect.DaysBetween("{0}", "m.\"Due\"");
        // An archived plan raises no alerts. The conditions are MilestoneRules' definitions translated; levels come from the enum; every value is a parameter.
        var raiseAlerts = $$"""
            INSERT INTO "Alerts" ("MilestoneId", "Level", "Occurrence", "AsOf", "RaisedAt", "NotifiedAt", "NotifiedOrder")
            SELECT c."Id", c."Level", c."Occurrence", {0}, {4}, {4}, {5}
            FROM (
                SELECT m."Id", m."Due",
                       CASE WHEN {{rule.Condition(MilestoneState.Overdue)}} THEN {{(int)WarningLevel.Overdue}}
                            WHEN {{rule.Condition(MilestoneState.Urgent)}} THEN {{(int)WarningLevel.Urgent}}
                            ELSE {{(int)WarningLevel.Approaching}} END AS "Level",
                       CASE WHEN {{rule.Condition(MilestoneState.Overdue)}} THEN ({{daysOverdue}} - 1) / {3} ELSE 0 END AS "Occurrence"
                FROM "Milestones" m
                WHERE {{rule.Condition(MilestoneState.Flagged)}}
                  AND NOT EXISTS (SELECT 1 FROM "PlanTasks" t JOIN "Plans" p ON p."Id" = t."PlanId"
                                  WHERE t."Id" = m."PlanTaskId" AND p."ArchivedAt" IS NOT NULL)
            ) c
            WHERE NOT EXISTS (SELECT 1 FROM "Alerts" a WHERE a."MilestoneId" = c."Id" AND a."Level" = c."Level" AND a."Occurrence" = c."Occurrence")
            ORDER BY c."Due", c."Id"
            LIMIT {6}
            ON CONFLICT ("MilestoneId", "Level", "Occurrence") DO NOTHING
            """;
        // Each alert is stamped with this scan's batch as it is raised, so the digests below find exactly
        // this scan's alerts without a second pass over them.
        var alerts = await db.Database.ExecuteSqlRawAsync(
            raiseAlerts, [.. MilestoneSql.Parameters(_settings.WindowOn(today)), _settings.OverdueRepeatDays, now, batch, _settings.MaxAlertsPerScan], cancellationToken);

        var enabled = $"NOT {dialect.IsTrue("u.\"IsDisabled\"")}";
        // One digest per user for the alerts this batch raised: the office and admin staff get all of them,
        // a unit's users those on the unit's tasks. Counted in the database; a row per user, not per alert.
        var notify = $$"""
            INSERT INTO "Notifications" ("UserId", "BatchAt", "BatchOrder", "AlertCount", "CreatedAt")
            SELECT x."UserId", {0}, {1}, COUNT(*), {0}
            FROM (
                SELECT staff."UserId", a."Id" AS "AlertId"
                FROM "Alerts" a
                CROSS JOIN (SELECT DISTINCT ur."UserId" FROM "AspNetUserRoles" ur
                            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                            JOIN "AspNetUsers" u ON u."Id" = ur."UserId"
                            WHERE r."Name" IN ({2}, {3}) AND {{enabled}}) staff
                WHERE a."NotifiedOrder" = {1}
                UNION
                SELECT u."Id", a."Id"
                FROM "Alerts" a
                JOIN "Milestones" m ON m."Id" = a."MilestoneId"
                JOIN "PlanTaskLeadUnits" l ON l."PlanTaskId" = m."PlanTaskId"
                JOIN "AspNetUsers" u ON u."LeadUnitId" = l."LeadUnitId"
                WHERE a."NotifiedOrder" = {1} AND {{enabled}}
            ) x
            WHERE true
            GROUP BY x."UserId"
            ON CONFLICT ("UserId", "BatchOrder") DO NOTHING
            """;
        var notifications = alerts == 0 ? 0 : await db.Database.ExecuteSqlRawAsync(notify, [now, batch, Roles.Office, Roles.Admin], cancellationToken);
        // The same alerts to the units' and the office's robots and mailboxes, committed with them.
        var messages = alerts == 0 ? 0 : await _outbox.EnqueueAlertsAsync(db, batch, today, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        if (alerts > 0)
        {
            _logger.LogInformation("Deadline scan as of {Today}: {Alerts} alerts, {Notifications} notifications, {Messages} channel messages queued",
                today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), alerts, notifications, messages);
            _feed.Publish();
        }

        return new ScanResult(true, alerts, notifications, Complete: alerts < _settings.MaxAlertsPerScan);
    }
}
