namespace ActionPlan.Data.Entities;

/// <summary>A file attached to a report (佐证材料), kept in the database so every instance serves it.</summary>
public class ReportAttachment
{
    public int Id { get; set; }
    public int ProgressReportId { get; set; }
    public ProgressReport ProgressReport { get; set; } = null!;
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
