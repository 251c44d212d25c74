namespace ActionPlan.Web.Features.Reports;

public sealed record AttachmentView(int Id, string FileName, string ContentType, long Size);
