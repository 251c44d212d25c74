namespace ActionPlan.Data.Entities;

/// <summary>A lead unit a <see cref="SupervisionSlip"/> is addressed to, with its reply (反馈) once given.</summary>
public class SlipRecipient
{
    public long Id { get; set; }
    public int SlipId { get; set; }
    public SupervisionSlip Slip { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>What the unit has done about the matter; null until it replies.</summary>
    public string? Done { get; set; }

    /// <summary>The unit's plan from here (下一步计划), with dates.</summary>
    public string? NextPlan { get; set; }

    public string? RepliedBy { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>The portal's date of the reply; after the slip's reply date it was late.</summary>
    public DateOnly? RepliedOn { get; set; }

    public List<SlipReplyAttachment> Attachments { get; set; } = [];
}
