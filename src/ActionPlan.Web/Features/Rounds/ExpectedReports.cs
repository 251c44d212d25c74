using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// What a round expects, defined once: from each lead unit of each task of the round's plan (and domain) one
/// report, unless the task is 销号 (read from the task while the round is open; as it was at the round's end,
/// kept in <see cref="RoundMembership"/>, once it is closed). What was received always counts, also from a task
/// closed later. Nothing of it is stored at opening: every reader composes this query and counts in the database.
/// The reminder scan writes the open-round case in SQL (<see cref="ReminderScanner"/>).
/// </summary>
public static class ExpectedReports
{
    public static IQueryable<ExpectedReport> Of(AppDbContext db) =>
        from r in db.ReportingRounds
        join t in db.PlanTasks on r.PlanId equals t.PlanId
        where r.DomainId == null || t.DomainId == r.DomainId
        join l in db.PlanTaskLeadUnits on t.Id equals l.PlanTaskId
        join s in db.RoundSubmissions on new { Round = r.Id, Task = t.Id, Unit = l.LeadUnitId } equals new { Round = s.RoundId, Task = s.PlanTaskId, Unit = s.LeadUnitId } into received
        from s in received.DefaultIfEmpty()
        join m in db.RoundMemberships on new { Round = r.Id, Task = t.Id } equals new { Round = m.RoundId, Task = m.PlanTaskId } into kept
        from m in kept.DefaultIfEmpty()
        where s != null || (m != null ? m.Included : t.ClosedAt == null)
        select new ExpectedReport
        {
            Round = r, PlanTask = t, LeadUnit = l.LeadUnit, Submission = s,
            RoundId = r.Id, PlanTaskId = t.Id, LeadUnitId = l.LeadUnitId,
            FirstSubmittedOn = s != null ? s.FirstSubmittedOn : (DateOnly?)null,
            ReportId = s != null ? s.ReportId : (int?)null,
        };

    /// <summary>The expected reports the caller may see: the office and leadership all, a unit its own, anyone else none.</summary>
    public static IQueryable<ExpectedReport> Visible(AppDbContext db, AccessScope scope) =>
        scope.SeesAllTasks ? Of(db)
        : scope.LeadUnitId is { } unit ? Of(db).Where(e => e.LeadUnitId == unit)
        : Of(db).Where(_ => false);

    /// <summary>
    /// Before a task is closed (销号) or re-opened, in that change's transaction: every closed round of its scope
    /// that has not yet kept it keeps what the task was until now, asked (<paramref name="wasOpen"/>) or not, so
    /// the change does not reach back into them. One statement; serialized with closing a round
    /// (<see cref="LockAsync"/>), so a round closing at the same moment is seen either before or after.
    /// </summary>
    public static async Task KeepInClosedRoundsAsync(AppDbContext db, PlanTask task, bool wasOpen, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "RoundMemberships" ("RoundId", "PlanTaskId", "Included")
            SELECT r."Id", {0}, {1}
            FROM "ReportingRounds" r
            WHERE r."PlanId" = {2} AND r."ClosedAt" IS NOT NULL AND (r."DomainId" IS NULL OR r."DomainId" = {3})
              AND NOT EXISTS (SELECT 1 FROM "RoundMemberships" m WHERE m."RoundId" = r."Id" AND m."PlanTaskId" = {0})
            """,
            [task.Id, wasOpen, task.PlanId, task.DomainId],
            cancellationToken);
    }

    /// <summary>Serializes closing a round with a task's 销号 or 恢复 (PostgreSQL; SQLite has one writer at a time anyway).</summary>
    public static async Task LockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.RoundMembership})", cancellationToken);
        }
    }
}
