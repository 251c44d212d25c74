namespace ActionPlan.Data.Entities;

/// <summary>Evidence (佐证材料) attached to a unit's reply to a 督办单, kept in the database like report files.</summary>
public class SlipReplyAttachment
{
    public int Id { get; set; }
    public long RecipientId { get; set; }
    public SlipRecipient Recipient { get; set; } = null!;
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
