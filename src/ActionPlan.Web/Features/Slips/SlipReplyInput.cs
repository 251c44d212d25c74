using ActionPlan.Web.Features.Reports;

namespace ActionPlan.Web.Features.Slips;

/// <summary>A unit's 反馈 to a slip: what was done, the plan from here, evidence files.</summary>
public sealed record SlipReplyInput(string? Done, string? NextPlan, IReadOnlyList<UploadedFile> Files);
