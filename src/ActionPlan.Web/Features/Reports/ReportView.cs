using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Reports;

public sealed record ReportView(
    int Id, int TaskNumber, string TaskTitle, string LeadUnit, string Author, int Revision, ReviewState State,
    string Text, int ClaimedProgress, int? MilestonePosition, string? MilestonePhrase, DateOnly? MilestoneCompletedOn,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, string? Reviewer, string? ReturnReason,
    Guid Version, IReadOnlyList<AttachmentView> Attachments, bool IsFinal = false)
{
    /// <summary>The plan of the task: a link to the task names it (task numbers are per plan).</summary>
    public int PlanId { get; init; }
}
