using System.Data;
using System.Threading.Channels;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// Keeps the pre-aggregated 总览 figures (<see cref="Data.Entities.FigureCell"/>) in step with the data:
/// it recomputes them, set-based in the database, when a reader finds them stale (another day, or
/// data saved since) and once a minute if nobody asked. Until then readers count from the tasks directly,
/// so a figure is never stale, only slower right after a change.
/// </summary>
public sealed class FigureSnapshotRefresher : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IDbContextFactory<AppDbContext> contexts;
    private readonly PortalClock clock;
    private readonly DeadlineSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger<FigureSnapshotRefresher> logger;

    public FigureSnapshotRefresher(
        IDbContextFactory<AppDbContext> contexts, PortalClock clock, DeadlineSettings settings, TimeProvider time, ILogger<FigureSnapshotRefresher> logger, PlanDataSaved? saved = null)
    {
        this.contexts = contexts;
        this.clock = clock;
        this.settings = settings;
        this.time = time;
        this.logger = logger;
        if (saved is not null)
        {
            saved.Saved += Request;
        }
    }

    /// <summary>Asks for a refresh soon; many asks while one is pending make one refresh.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first: .NET 10 awaits ExecuteAsync up to its first await before the host starts.
        await Task.Yield();
        Request();
        // The first pass refreshes whatever the snapshot says: the deadline windows may have changed since.
        var force = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            tick.CancelAfter(TimeSpan.FromMinutes(1));
            try
            {
                await _requests.Reader.ReadAsync(tick.Token);
                // Saves come in bursts (a bulk status change); wait for the burst to end.
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }

            try
            {
                if (force || await IsStaleAsync(stoppingToken))
                {
                    await RefreshAsync(stoppingToken);
                }

                force = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Readers fall back to counting from the tasks; try again on the next request or tick.
                logger.LogWarning(e, "Refreshing the dashboard figures failed");
            }
        }
    }

    private async Task<bool> IsStaleAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var version = await db.PlanDataVersions.Select(v => v.Value).FirstOrDefaultAsync(cancellationToken);
        var plans = await db.Plans.CountAsync(cancellationToken);
        var fresh = await db.FigureSnapshots.CountAsync(s => s.AsOf == today && s.DataVersion == version, cancellationToken);
        return fresh != plans;
    }

    /// <summary>
    /// Recomputes every plan's cells as of the portal's today in one transaction: a delete and six
    /// INSERT … SELECT … GROUP BY statements. On PostgreSQL the transaction reads one snapshot
    /// (repeatable read), so the cells and the data version they record agree.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dialect = SqlDialect.Of(db.Database);
        await using var transaction = await db.Database.BeginTransactionAsync(dialect == SqlDialect.Postgres ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancellationToken);
        if (dialect.TryTransactionLock(AdvisoryLocks.FigureRefresh) is { } tryLock && !await db.Database.SqlQueryRaw<bool>(tryLock).SingleAsync(cancellationToken))
        {
            return;
        }

        var version = await db.PlanDataVersions.Select(v => v.Value).FirstOrDefaultAsync(cancellationToken);
        await db.FigureCells.ExecuteDeleteAsync(cancellationToken);
        await db.FigureSnapshots.ExecuteDeleteAsync(cancellationToken);
        object[] parameters =
        [
            .. MilestoneSql.Parameters(settings.WindowOn(today)),
            // Statuses are stored by name (see PlanTaskConfiguration).
            nameof(PlanTaskStatus.NotStarted), nameof(PlanTaskStatus.InProgress), nameof(PlanTaskStatus.Completed), nameof(PlanTaskStatus.Suspended),
        ];
        foreach (var sql in Statements(dialect))
        {
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        var now = time.GetUtcNow();
        foreach (var planId in await db.Plans.Select(p => p.Id).ToListAsync(cancellationToken))
        {
            db.FigureSnapshots.Add(new Data.Entities.FigureSnapshot { PlanId = planId, AsOf = today, DataVersion = version, RefreshedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Dashboard figures refreshed as of {Today}", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The six statements: tasks and milestones, each at three levels. {0} is today, {1} the last day of
    /// the urgent window, {2} of the approaching window, {3}–{6} the four statuses; the milestone conditions
    /// are <see cref="MilestoneRules"/>' definitions (done means done on or before today).
    /// </summary>
    private static IEnumerable<string> Statements(SqlDialect dialect)
    {
        var rule = MilestoneSql.Positional(dialect);
        string Count(MilestoneState state) => $"SUM(CASE WHEN {rule.Condition(state)} THEN 1 ELSE 0 END)";
        var month = dialect.MonthKey("m.\"Due\"");
        var overdueTask = $"CASE WHEN EXISTS (SELECT 1 FROM \"Milestones\" m WHERE m.\"PlanTaskId\" = t.\"Id\" AND {rule.Condition(MilestoneState.Overdue)}) THEN 1 ELSE 0 END";
        var taskCounts = $$"""
            COUNT(*), SUM(CASE WHEN t."Status" = {3} THEN 1 ELSE 0 END), SUM(CASE WHEN t."Status" = {4} THEN 1 ELSE 0 END),
            SUM(CASE WHEN t."Status" = {5} THEN 1 ELSE 0 END), SUM(CASE WHEN t."Status" = {6} THEN 1 ELSE 0 END), SUM({{overdueTask}}),
            0, 0, 0, 0, 0, 0, 0
            """;
        var milestoneCounts = $"""
            0, 0, 0, 0, 0, 0,
            COUNT(*), {Count(MilestoneState.Due)}, {Count(MilestoneState.OnTime)}, {Count(MilestoneState.Late)},
            {Count(MilestoneState.Approaching)}, {Count(MilestoneState.Urgent)}, {Count(MilestoneState.Overdue)}
            """;
        const string Insert = """
            INSERT INTO "FigureCells" ("PlanId", "LeadUnitId", "DomainId", "MonthKey", "Tasks", "NotStarted", "InProgress", "Completed", "Suspended", "OverdueTasks",
                                       "Due", "DueSoFar", "OnTime", "Late", "Approaching", "Urgent", "Overdue")
            """;
        return
        [
            $"""{Insert} SELECT t."PlanId", NULL, t."DomainId", NULL, {taskCounts} FROM "PlanTasks" t GROUP BY t."PlanId", t."DomainId" """,
            $"""{Insert} SELECT t."PlanId", l."LeadUnitId", t."DomainId", NULL, {taskCounts} FROM "PlanTasks" t JOIN "PlanTaskLeadUnits" l ON l."PlanTaskId" = t."Id" GROUP BY t."PlanId", l."LeadUnitId", t."DomainId" """,
            $"""{Insert} SELECT t."PlanId", l."LeadUnitId", NULL, NULL, {taskCounts} FROM "PlanTasks" t JOIN "PlanTaskLeadUnits" l ON l."PlanTaskId" = t."Id" GROUP BY t."PlanId", l."LeadUnitId" """,
            $"""{Insert} SELECT t."PlanId", NULL, t."DomainId", {month}, {milestoneCounts} FROM "Milestones" m JOIN "PlanTasks" t ON t."Id" = m."PlanTaskId" GROUP BY t."PlanId", t."DomainId", {month} """,
            $"""{Insert} SELECT t."PlanId", l."LeadUnitId", t."DomainId", {month}, {milestoneCounts} FROM "Milestones" m JOIN "PlanTasks" t ON t."Id" = m."PlanTaskId" JOIN "PlanTaskLeadUnits" l ON l."PlanTaskId" = t."Id" GROUP BY t."PlanId", l."LeadUnitId", t."DomainId", {month} """,
            $"""{Insert} SELECT t."PlanId", l."LeadUnitId", NULL, NULL, {milestoneCounts} FROM "Milestones" m JOIN "PlanTasks" t ON t."Id" = m."PlanTaskId" JOIN "PlanTaskLeadUnits" l ON l."PlanTaskId" = t."Id" GROUP BY t."PlanId", l."LeadUnitId" """,
        ];
    }
}
