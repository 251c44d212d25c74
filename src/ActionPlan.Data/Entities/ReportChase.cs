namespace ActionPlan.Data.Entities;

/// <summary>
/// 催报: a reminder to a unit that has reports missing in a round. Automatic ones carry their
/// <see cref="Step"/> (days from the due day, negative before it) and exist once per round, unit and step;
/// one by hand has no step and names who chased.
/// </summary>
public class ReportChase
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public ReportingRound Round { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>Days from the due day of the automatic reminder; null when a person chased.</summary>
    public int? Step { get; set; }

    /// <summary>Who chased by hand; null for an automatic reminder.</summary>
    public string? By { get; set; }

    public string? Note { get; set; }

    /// <summary>How many of the unit's reports were missing then.</summary>
    public int Missing { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The notification batch (UTC ticks) this chase was announced in.</summary>
    public long BatchOrder { get; set; }
}
