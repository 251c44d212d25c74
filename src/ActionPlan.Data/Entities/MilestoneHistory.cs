namespace ActionPlan.Data.Entities;

/// <summary>
/// What a milestone was during a run of days: its deadline (an approved extension moves it from the day of
/// approval) and whether and when it was done; rows as <see cref="TaskHistory"/>'s. The task's id is kept
/// here too, so as-of figures join tasks without going through the milestones.
/// </summary>
public class MilestoneHistory
{
    public long Id { get; set; }
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = null!;
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public DateOnly From { get; set; }
    public DateOnly Until { get; set; } = DateOnly.MaxValue;
    public DateOnly Due { get; set; }
    public bool IsDone { get; set; }
    public DateOnly? CompletedOn { get; set; }
}
