namespace ActionPlan.Web.Features.Reports;

/// <summary>
/// The report form's fields as typed, kept as 未保存的输入. Chosen files are not kept (they can be 10 MB each): only
/// their names, so the form can say which to choose again.
/// </summary>
public sealed record ReportFormInput(
    string? Text, int Progress, int? MilestonePosition, DateOnly? CompletedOn, bool IsFinal,
    IReadOnlyList<int> RemovedAttachmentIds, IReadOnlyList<string> FileNames);
