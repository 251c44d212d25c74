namespace ActionPlan.Web.Features.Reports;

public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);
