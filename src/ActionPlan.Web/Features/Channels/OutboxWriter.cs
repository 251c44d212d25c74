using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Channels;

/// <summary>
/// Puts messages for the enabled channels into the outbox, inside the caller's transaction, so a message
/// exists exactly when what it announces was committed. Each method is one set-based statement whatever the
/// number of alerts, chases or channels; the unique (channel, source, key) makes a repeat a no-op.
/// </summary>
public sealed class OutboxWriter(TimeProvider time)
{
    /// <summary>Lines listed in one alert message; the rest are counted (the robots take about 4,000 bytes).</summary>
    public const int ListedAlerts = 10;

    /// <summary>Task titles are cut to this many characters in a message line.</summary>
    private const int TitleCharacters = 40;

    /// <summary>
    /// One message per enabled channel for the alerts of scan <paramref name="batch"/>: a unit's channel lists
    /// the alerts on the unit's tasks, an office-group channel all of them (worst level and earliest due first).
    /// </summary>
    public Task<int> EnqueueAlertsAsync(AppDbContext db, long batch, DateOnly asOf, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.Of(db.Database);
        var enabled = dialect.IsTrue("ch.\"IsEnabled\"");
        var level = $"CASE a.\"Level\" WHEN {(int)WarningLevel.Overdue} THEN '{WarningText.Label(WarningLevel.Overdue)}' " +
                    $"WHEN {(int)WarningLevel.Urgent} THEN '{WarningText.Label(WarningLevel.Urgent)}' ELSE '{WarningText.Label(WarningLevel.Approaching)}' END";
        var due = dialect.DateText("m.\"Due\"");
        // "- **逾期** 任务 16：标题（2022-06-30 到期）"
        var line = $"'- **' || {level} || '** 任务 ' || CAST(t.\"Number\" AS TEXT) || '：' || substr(t.\"Title\", 1, {TitleCharacters}) || '（' || {due} || ' 到期）'";
        var columns = $"a.\"Level\" AS \"Level\", m.\"Due\" AS \"Due\", t.\"Number\" AS \"Number\", {line} AS \"Line\"";
        var rank = "ROW_NUMBER() OVER (PARTITION BY ch.\"Id\" ORDER BY a.\"Level\" DESC, m.\"Due\", t.\"Number\", a.\"Id\")";
        var lines = dialect.StringAggregate($"CASE WHEN x.\"Rank\" <= {ListedAlerts} THEN x.\"Line\" END", "{4}", "x.\"Rank\"");
        var sql = $$"""
            INSERT INTO "OutboxMessages" ("ChannelId", "SourceKind", "SourceKey", "Title", "Body", "CreatedAt", "NextAttemptAt", "Attempts", "IsDead")
            SELECT x."ChannelId", {{(int)OutboxSource.Alerts}}, {6},
                   '预警：' || x."Target" || ' ' || CAST(COUNT(*) AS TEXT) || ' 项时间节点',
                   '### 【预警】' || x."Target" || ' ' || CAST(COUNT(*) AS TEXT) || ' 项时间节点' || {3} || {{lines}}
                       || CASE WHEN COUNT(*) > {{ListedAlerts}} THEN {4} || '- ……另有 ' || CAST(COUNT(*) - {{ListedAlerts}} AS TEXT) || ' 项' ELSE '' END
                       || {3} || '> 截至 ' || {2} || '，详见平台「预警」页面。',
                   {0}, {0}, 0, {5}
            FROM (
                SELECT ch."Id" AS "ChannelId", u."Name" AS "Target", {{columns}}, {{rank}} AS "Rank"
                FROM "Alerts" a
                JOIN "Milestones" m ON m."Id" = a."MilestoneId"
                JOIN "PlanTasks" t ON t."Id" = m."PlanTaskId"
                JOIN "PlanTaskLeadUnits" l ON l."PlanTaskId" = t."Id"
                JOIN "MessageChannels" ch ON ch."LeadUnitId" = l."LeadUnitId"
                JOIN "LeadUnits" u ON u."Id" = ch."LeadUnitId"
                WHERE a."NotifiedOrder" = {1} AND {{enabled}}
                UNION ALL
                SELECT ch."Id", '{{ChannelText.OfficeGroup}}', {{columns}}, {{rank}}
                FROM "Alerts" a
                JOIN "Milestones" m ON m."Id" = a."MilestoneId"
                JOIN "PlanTasks" t ON t."Id" = m."PlanTaskId"
                CROSS JOIN "MessageChannels" ch
                WHERE a."NotifiedOrder" = {1} AND ch."LeadUnitId" IS NULL AND {{enabled}}
            ) x
            GROUP BY x."ChannelId", x."Target"
            ON CONFLICT ("ChannelId", "SourceKind", "SourceKey") DO NOTHING
            """;
        var now = time.GetUtcNow().UtcDateTime;
        return db.Database.ExecuteSqlRawAsync(sql, [now, batch, asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "\n\n", "\n", false, batch.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
    }

    /// <summary>One message per enabled channel of the chased unit for each 催报 of <paramref name="batch"/> (automatic or by hand).</summary>
    public Task<int> EnqueueChasesAsync(AppDbContext db, long batch, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.Of(db.Database);
        var sql = $$"""
            INSERT INTO "OutboxMessages" ("ChannelId", "SourceKind", "SourceKey", "Title", "Body", "CreatedAt", "NextAttemptAt", "Attempts", "IsDead")
            SELECT ch."Id", {{(int)OutboxSource.Chase}}, CAST(c."Id" AS TEXT),
                   '催报：' || r."Name",
                   '### 【催报】' || r."Name" || {2}
                       || '**' || u."Name" || '**：本轮尚有 **' || CAST(c."Missing" AS TEXT) || '** 份进展报送未报送，报送截止 '
                       || {{dialect.DateText("r.\"DueOn\"")}} || '。请尽快登录平台，在「本期待报送」中报送。'
                       || CASE WHEN c."Note" IS NULL THEN '' ELSE {2} || '> 省营转办：' || c."Note" END,
                   {0}, {0}, 0, {3}
            FROM "ReportChases" c
            JOIN "ReportingRounds" r ON r."Id" = c."RoundId"
            JOIN "LeadUnits" u ON u."Id" = c."LeadUnitId"
            JOIN "MessageChannels" ch ON ch."LeadUnitId" = c."LeadUnitId"
            WHERE c."BatchOrder" = {1} AND {{dialect.IsTrue("ch.\"IsEnabled\"")}}
            ON CONFLICT ("ChannelId", "SourceKind", "SourceKey") DO NOTHING
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [time.GetUtcNow().UtcDateTime, batch, "\n\n", false], cancellationToken);
    }
}
