using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Rules;

/// <summary><c>DeadlineWatch:*</c>: the windows of 临期 and 紧急 and the scanner's schedule.</summary>
public sealed class DeadlineSettings : IValidatedOptions
{
    public const string Section = "DeadlineWatch";

    public DeadlineSettings()
    {
    }

    public DeadlineSettings(int approachingDays, int urgentDays, int overdueRepeatDays, TimeSpan scanInterval)
    {
        ApproachingDays = approachingDays;
        UrgentDays = urgentDays;
        OverdueRepeatDays = overdueRepeatDays;
        ScanInterval = scanInterval;
    }

    /// <summary>Run the background scanner.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before the due date at which a milestone becomes 临期.</summary>
    public int ApproachingDays { get; set; } = 15;

    /// <summary>Days before the due date (the due day included) at which it becomes 紧急.</summary>
    public int UrgentDays { get; set; } = 5;

    /// <summary>An overdue milestone is reminded again every so many days.</summary>
    public int OverdueRepeatDays { get; set; } = 7;

    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Alerts one scan raises at most; a larger backlog (a first scan of a big plan) follows in further scans at once.</summary>
    public int MaxAlertsPerScan { get; set; } = 20_000;

    /// <summary>The dates a milestone is judged against on <paramref name="asOf"/>.</summary>
    public MilestoneWindow WindowOn(DateOnly asOf) => new(asOf, asOf.AddDays(UrgentDays), asOf.AddDays(ApproachingDays));

    /// <summary>The level of one milestone on <paramref name="today"/> (<see cref="MilestoneRules.LevelOf"/>).</summary>
    public WarningLevel? LevelOf(DateOnly due, bool isDone, DateOnly? completedOn, DateOnly today) =>
        MilestoneRules.LevelOf(due, isDone, completedOn, WindowOn(today));

    /// <summary>Which overdue reminder is due: 0 the day after the due date, then one more every OverdueRepeatDays.</summary>
    public int OverdueOccurrence(DateOnly due, DateOnly today) => (today.DayNumber - due.DayNumber - 1) / OverdueRepeatDays;

    /// <summary>What is wrong with these values, each naming its key; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (UrgentDays < 0)
        {
            yield return $"{Section}:UrgentDays must be 0 or more (is {UrgentDays}).";
        }

        if (ApproachingDays < UrgentDays)
        {
            yield return $"{Section}:ApproachingDays must be at least {Section}:UrgentDays (is {ApproachingDays}, UrgentDays {UrgentDays}).";
        }

        if (OverdueRepeatDays < 1)
        {
            yield return $"{Section}:OverdueRepeatDays must be 1 or more (is {OverdueRepeatDays}).";
        }

        if (ScanInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:ScanInterval must be a positive time span such as 01:00:00 (is {ScanInterval}).";
        }

        if (MaxAlertsPerScan < 1)
        {
            yield return $"{Section}:MaxAlertsPerScan must be 1 or more (is {MaxAlertsPerScan}).";
        }
    }
}
