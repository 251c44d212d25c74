namespace ActionPlan.Web.Features.Reports;

/// <summary>
/// A unit's report as written in the form. <see cref="ReportId"/> null creates a new draft; <see cref="IsFinal"/>
/// is 申请销号 (progress 100 and at least one piece of evidence to submit it).
/// </summary>
public sealed record ReportInput(
    int? ReportId,
    int TaskNumber,
    string? Text,
    int ClaimedProgress,
    int? MilestonePosition,
    DateOnly? MilestoneCompletedOn,
    IReadOnlyList<UploadedFile> NewFiles,
    IReadOnlyList<int> RemovedAttachmentIds,
    bool IsFinal = false);
