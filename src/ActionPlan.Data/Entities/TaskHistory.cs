namespace ActionPlan.Data.Entities;

/// <summary>
/// What a task's figures were made of during a run of days: its status, progress and the two texts, from
/// <see cref="From"/> up to the day before <see cref="Until"/> (<see cref="DateOnly.MaxValue"/> while current). A
/// save that changes them closes the current row the day before and opens one from that day, in the same
/// transaction; two saves of one day leave one row, the day's last state. So the state at the end of day D is
/// the one row with From ≤ D &lt; Until.
/// </summary>
public class TaskHistory
{
    public long Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public DateOnly From { get; set; }
    public DateOnly Until { get; set; } = DateOnly.MaxValue;
    public PlanTaskStatus Status { get; set; }
    public int Progress { get; set; }
    public string? ProgressSummary { get; set; }
    public string? Difficulties { get; set; }
}
