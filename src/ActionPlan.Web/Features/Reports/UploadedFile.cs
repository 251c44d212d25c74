namespace ActionPlan.Web.Features.Reports;

public sealed record UploadedFile(string FileName, byte[] Content);
