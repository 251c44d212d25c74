namespace ActionPlan.Data.Entities;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A digest of deadline alerts (预警).</summary>
    Alerts = 0,

    /// <summary>A 催报: reports of a reporting round are missing.</summary>
    ReportReminder = 1,

    /// <summary>A 督办单 was issued (or escalated) to the user's unit.</summary>
    SlipIssued = 2,
}
