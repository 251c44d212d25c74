namespace ActionPlan.Web.Features.Deadlines;

/// <summary>正常 / 临期 / 紧急 / 逾期 / 逾期完成. The order is severity for open milestones.</summary>
public enum WarningLevel
{
    OnTrack = 0,
    Approaching = 1,
    Urgent = 2,
    Overdue = 3,
    CompletedLate = 4,
}

/// <summary><c>DeadlineWatch:*</c> settings.</summary>
public sealed record DeadlineSettings(int ApproachingDays, int UrgentDays, int OverdueRepeatDays, TimeSpan ScanInterval)
{
    /// <summary>Alerts one scan raises at most; a larger backlog (a first scan of a big plan) follows in further scans at once.</summary>
    public int MaxAlertsPerScan { get; init; } = 20_000;

    public static DeadlineSettings From(IConfiguration configuration)
    {
        var settings = new DeadlineSettings(
            configuration.GetValue("DeadlineWatch:ApproachingDays", 15),
            configuration.GetValue("DeadlineWatch:UrgentDays", 5),
            configuration.GetValue("DeadlineWatch:OverdueRepeatDays", 7),
            configuration.GetValue("DeadlineWatch:ScanInterval", TimeSpan.FromHours(1)))
        {
            MaxAlertsPerScan = configuration.GetValue("DeadlineWatch:MaxAlertsPerScan", 20_000),
        };
        return settings.UrgentDays < 0 || settings.ApproachingDays < settings.UrgentDays || settings.OverdueRepeatDays < 1 || settings.ScanInterval <= TimeSpan.Zero || settings.MaxAlertsPerScan < 1
            ? throw new InvalidOperationException("DeadlineWatch: need 0 <= UrgentDays <= ApproachingDays, OverdueRepeatDays >= 1, a positive ScanInterval and MaxAlertsPerScan >= 1.")
            : settings;
    }

    /// <summary>
    /// The level of one milestone on <paramref name="today"/>: days left = due − today; 紧急 from 5 days
    /// before (inclusive) to the due day, 临期 from 15 days before, 逾期 from the day after the due date.
    /// A done milestone is never flagged; done after its due date it is 逾期完成. Null means done on time.
    /// </summary>
    public WarningLevel? LevelOf(DateOnly due, bool isDone, DateOnly? completedOn, DateOnly today)
    {
        if (isDone)
        {
            return completedOn > due ? WarningLevel.CompletedLate : null;
        }

        var daysLeft = due.DayNumber - today.DayNumber;
        return daysLeft < 0 ? WarningLevel.Overdue
            : daysLeft <= UrgentDays ? WarningLevel.Urgent
            : daysLeft <= ApproachingDays ? WarningLevel.Approaching
            : WarningLevel.OnTrack;
    }

    /// <summary>A task shows its worst open milestone; with none open, 逾期完成 if one was late; else nothing.</summary>
    public WarningLevel? TaskLevel(DateOnly? earliestOpenDue, bool anyCompletedLate, DateOnly today) =>
        earliestOpenDue is { } due ? LevelOf(due, false, null, today)
        : anyCompletedLate ? WarningLevel.CompletedLate
        : null;

    /// <summary>Which overdue reminder is due: 0 the day after the due date, then one more every OverdueRepeatDays.</summary>
    public int OverdueOccurrence(DateOnly due, DateOnly today) => (today.DayNumber - due.DayNumber - 1) / OverdueRepeatDays;
}

public static class WarningText
{
    public static string Label(WarningLevel level) => level switch
    {
        WarningLevel.OnTrack => "正常",
        WarningLevel.Approaching => "临期",
        WarningLevel.Urgent => "紧急",
        WarningLevel.Overdue => "逾期",
        WarningLevel.CompletedLate => "逾期完成",
        _ => level.ToString(),
    };

    /// <summary>One colour per level everywhere; always shown with the word, never colour alone.</summary>
    public static string Style(WarningLevel level) => level switch
    {
        WarningLevel.OnTrack => "background:#e8f5e9;color:#1b5e20",
        WarningLevel.Approaching => "background:#fff8e1;color:#8a6100",
        WarningLevel.Urgent => "background:#fff3e0;color:#b34700",
        WarningLevel.Overdue => "background:#ffebee;color:#b71c1c",
        WarningLevel.CompletedLate => "background:#f3e5e5;color:#7b3b3b",
        _ => "",
    };
}
