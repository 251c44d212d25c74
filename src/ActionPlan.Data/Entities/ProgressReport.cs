namespace ActionPlan.Data.Entities;

/// <summary>
/// A lead unit's report on one of its tasks (进展报送), with evidence, reviewed by the office before it
/// counts. A returned report is never edited again: resubmitting creates the next revision.
/// </summary>
public class ProgressReport : IVersioned
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;

    /// <summary>The unit that reports; the task must name it.</summary>
    public int LeadUnitId { get; set; }

    public LeadUnit LeadUnit { get; set; } = null!;
    public required string Author { get; set; }

    /// <summary>1 for a first report; the returned report's revision + 1 for a resubmission.</summary>
    public int Revision { get; set; } = 1;

    public int? PreviousReportId { get; set; }

    /// <summary>The reporting round (调度轮次) the report answers; null for a report outside any round.</summary>
    public int? RoundId { get; set; }
    public ReviewState State { get; set; } = ReviewState.Draft;

    /// <summary>申请销号: the unit reports the task finished and asks the office to close it on this evidence.</summary>
    public bool IsFinal { get; set; }

    public required string Text { get; set; }

    /// <summary>The progress (0–100 %) the unit claims.</summary>
    public int ClaimedProgress { get; set; }

    /// <summary>A milestone the unit reports as done, with the day it was done.</summary>
    public int? MilestoneId { get; set; }

    public Milestone? Milestone { get; set; }
    public DateOnly? MilestoneCompletedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Sortable copy of <see cref="SubmittedAt"/> (UTC ticks): SQLite cannot order DateTimeOffset.</summary>
    public long? SubmittedOrder { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
    public string? Reviewer { get; set; }
    public string? ReturnReason { get; set; }
    /// <summary>Stamped anew on each save of the report (see <see cref="IVersioned"/>).</summary>
    public Guid Version { get; set; }
    public List<ReportAttachment> Attachments { get; set; } = [];
}
