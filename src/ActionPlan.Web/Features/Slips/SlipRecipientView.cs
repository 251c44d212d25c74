namespace ActionPlan.Web.Features.Slips;

/// <summary>A unit a slip is addressed to and its reply, if given.</summary>
public sealed record SlipRecipientView(long Id, int LeadUnitId, string Unit, string? Done, string? NextPlan, string? RepliedBy, DateTimeOffset? RepliedAt, DateOnly? RepliedOn,
    bool Late, IReadOnlyList<SlipAttachmentView> Attachments)
{
    public bool Replied => RepliedAt is not null;
}
