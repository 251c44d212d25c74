namespace ActionPlan.Data.Entities;

/// <summary>
/// One cell of the pre-aggregated 总览 figures of a plan, as of <see cref="FigureSnapshot.AsOf"/>. Three
/// levels: all tasks by domain (LeadUnitId null), one lead unit's tasks by domain (both set), and one unit's
/// totals for the unit table (DomainId null). A task row has MonthKey null and only task counts; a
/// milestone row has the due month (yyyymm) and only milestone counts.
/// </summary>
public class FigureCell
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public int? LeadUnitId { get; set; }
    public LeadUnit? LeadUnit { get; set; }
    public int? DomainId { get; set; }
    public Domain? Domain { get; set; }
    public int? MonthKey { get; set; }

    public int Tasks { get; set; }
    public int NotStarted { get; set; }
    public int InProgress { get; set; }
    public int Completed { get; set; }
    public int Suspended { get; set; }
    public int OverdueTasks { get; set; }

    public int Due { get; set; }
    public int DueSoFar { get; set; }
    public int OnTime { get; set; }
    public int Late { get; set; }
    public int Approaching { get; set; }
    public int Urgent { get; set; }
    public int Overdue { get; set; }
}
