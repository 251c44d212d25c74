namespace ActionPlan.Data.Entities;

/// <summary>
/// 调度轮次: the office asks every lead unit to report on each of its tasks in the round by a due day
/// (每月25日前报送). Opening a round writes only this row: what it expects is its tasks × their lead units, and
/// what it received is in <see cref="Submissions"/>.
/// </summary>
public class ReportingRound
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;

    /// <summary>e.g. 2022年6月调度.</summary>
    public required string Name { get; set; }

    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The last day a report counts as on time.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Only the tasks of this domain; null for every task.</summary>
    public int? DomainId { get; set; }

    public Domain? Domain { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public List<RoundSubmission> Submissions { get; set; } = [];
}
