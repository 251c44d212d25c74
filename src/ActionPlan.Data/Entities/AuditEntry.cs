namespace ActionPlan.Data.Entities;

/// <summary>One recorded change: who, when, what, old → new, why. Never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The task the change concerns, for the task's timeline; null for account changes.</summary>
    public int? PlanTaskId { get; set; }

    /// <summary>User name of who made the change ("system" for start-up work).</summary>
    public required string Actor { get; set; }

    /// <summary>What kind of thing changed: "User", "PlanTask", …</summary>
    public required string EntityType { get; set; }

    public required string EntityKey { get; set; }
    public required string Action { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}
