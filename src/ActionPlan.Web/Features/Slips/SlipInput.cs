using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>What the office fills in to issue (下发) or escalate (升级) a slip.</summary>
public sealed class SlipInput
{
    public SlipLevel Level { get; set; } = SlipLevel.Blue;

    /// <summary>One of the task's milestones the slip is about; null for the task as a whole (not used on escalation: the successor keeps it).</summary>
    public int? MilestoneId { get; set; }

    public string? Matter { get; set; }

    public DateTime? ReplyBy { get; set; }
}
