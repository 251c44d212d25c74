namespace ActionPlan.Data.Entities;

/// <summary>
/// 督办单: the office tells a task's lead units that a matter is overdue or at risk, at a colour level, and
/// asks each for a reply (反馈) by a date. One slip per matter; an unanswered slip past its reply date can be
/// escalated, which issues the next level's slip and links it to this one.
/// </summary>
public class SupervisionSlip
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;

    /// <summary>The milestone the slip is about; null for the task as a whole.</summary>
    public int? MilestoneId { get; set; }

    public Milestone? Milestone { get; set; }

    /// <summary>Numbered per plan in issue order (督办单 第N号).</summary>
    public int Number { get; set; }

    public SlipLevel Level { get; set; }

    /// <summary>督办事项: what is overdue or at risk and what the office requires.</summary>
    public required string Matter { get; set; }

    /// <summary>The last day a reply counts as in time.</summary>
    public DateOnly ReplyBy { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }

    /// <summary>The slip this one escalated (the previous level's); null for a first slip.</summary>
    public int? EscalatedFromId { get; set; }

    /// <summary>Set when the office escalated this slip; the successor carries <see cref="EscalatedFromId"/>.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>Set when the office accepts the replies and closes the slip (办结).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public List<SlipRecipient> Recipients { get; set; } = [];
}
