namespace ActionPlan.Data.Entities;

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

    public NotificationKind Kind { get; set; }

    /// <summary>For <see cref="NotificationKind.ReportReminder"/>: the round whose reports are missing.</summary>
    public int? RoundId { get; set; }

    /// <summary>Alerts in the digest, or the missing reports a reminder is about: what the bell counts.</summary>
    public int AlertCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
