namespace ActionPlan.Data.Entities;

/// <summary>
/// 预警: raised once when a milestone enters 临期 (1), 紧急 (2) or 逾期 (3), and once per overdue reminder.
/// (MilestoneId, Level, Occurrence) is unique, so re-scans, restarts and parallel scanners raise it once.
/// </summary>
public class Alert
{
    public long Id { get; set; }
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = null!;

    /// <summary>The warning level as stored: 1 临期, 2 紧急, 3 逾期 (same numbers as the web's WarningLevel).</summary>
    public int Level { get; set; }

    /// <summary>0 for entering the level; 1, 2, … for the repeated overdue reminders.</summary>
    public int Occurrence { get; set; }

    /// <summary>The as-of date of the scan that raised it.</summary>
    public DateOnly AsOf { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The scan (batch) whose digests announced it; set as it is raised.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>UTC ticks of <see cref="NotifiedAt"/>: the key that ties alerts to their digest on both databases.</summary>
    public long? NotifiedOrder { get; set; }
}
