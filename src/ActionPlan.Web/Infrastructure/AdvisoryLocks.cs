namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// The PostgreSQL advisory-lock keys of the portal, one per kind of work that only one instance may do at
/// a time. Any fixed numbers, but distinct; the values are those earlier releases used, so old and new
/// instances on one database still exclude each other.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Start-up: migrations and seeding (a session lock, held across several transactions).</summary>
    public const long Startup = 7_270_700_1;

    /// <summary>One deadline scan (a transaction lock).</summary>
    public const long DeadlineScan = 7_270_700_2;

    /// <summary>One refresh of the 总览 figure snapshot (a transaction lock).</summary>
    public const long FigureRefresh = 0x4150_4649_4755; // "APFIGU"

    /// <summary>One scan of automatic 催报 (a transaction lock).</summary>
    public const long ReportReminders = 7_270_700_3;

    /// <summary>Numbering a new 督办单 (max + 1 per plan; a transaction lock).</summary>
    public const long SlipNumbers = 7_270_700_4;

    /// <summary>Closing a 调度轮次, or a task's 销号 or 恢复, which must see each other's result (a transaction lock).</summary>
    public const long RoundMembership = 7_270_700_5;

    /// <summary>Taking due outbox messages for sending, so two senders never take one message (a transaction lock).</summary>
    public const long OutboxClaim = 7_270_700_6;

    /// <summary>One plan import (a transaction lock; the key lives with the importer in ActionPlan.Data).</summary>
    public const long PlanImport = ActionPlan.Data.Import.PlanImporter.ImportLock;
}
