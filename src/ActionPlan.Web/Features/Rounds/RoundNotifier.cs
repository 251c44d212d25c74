using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// Announces 催报 through the notification system: one notification per user of the chased unit and
/// batch, counting the reports missing, so the bell shows it and open pages refresh; and one outbox message per
/// chase and enabled channel of the chased unit, in the same transaction.
/// </summary>
public sealed class RoundNotifier(TimeProvider time, AlertFeed feed, OutboxWriter outbox)
{
    /// <summary>A batch key after every notification so far: the time in ticks, kept strictly increasing.</summary>
    public async Task<long> NextBatchAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.Notifications.MaxAsync(n => (long?)n.BatchOrder, cancellationToken) ?? 0;
        return Math.Max(time.GetUtcNow().UtcTicks, last + 1);
    }

    /// <summary>Writes the notifications and the channel messages of the chases of <paramref name="batch"/>: two set-based statements; returns the notifications.</summary>
    public async Task<int> NotifyChasesAsync(AppDbContext db, long batch, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.Of(db.Database);
        var sql = $$"""
            INSERT INTO "Notifications" ("UserId", "BatchAt", "BatchOrder", "AlertCount", "CreatedAt", "Kind", "RoundId")
            SELECT u."Id", {0}, {1}, SUM(c."Missing"), {0}, {2}, MIN(c."RoundId")
            FROM "ReportChases" c
            JOIN "AspNetUsers" u ON u."LeadUnitId" = c."LeadUnitId"
            WHERE c."BatchOrder" = {1} AND NOT {{dialect.IsTrue("u.\"IsDisabled\"")}}
            GROUP BY u."Id"
            ON CONFLICT ("UserId", "BatchOrder") DO NOTHING
            """;
        var notified = await db.Database.ExecuteSqlRawAsync(sql, [time.GetUtcNow(), batch, (int)NotificationKind.ReportReminder], cancellationToken);
        await outbox.EnqueueChasesAsync(db, batch, cancellationToken);
        return notified;
    }

    /// <summary>Tells open pages (the bell) to refresh.</summary>
    public void Publish() => feed.Publish();
}
