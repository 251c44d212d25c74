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

/// <summary>
/// One user's digest of the alerts one scan raised for them (the office: all; a unit: those on its tasks).
/// A digest per user and scan, not a row per alert and user, keeps a busy scan's writes small.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The scan's time, which is also the <see cref="Alert.NotifiedAt"/> of the alerts it covers.</summary>
    public DateTimeOffset BatchAt { get; set; }

    /// <summary>Sortable copy of <see cref="BatchAt"/> (UTC ticks): SQLite cannot order DateTimeOffset.</summary>
    public long BatchOrder { get; set; }

    public int AlertCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
