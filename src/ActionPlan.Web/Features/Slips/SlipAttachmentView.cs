namespace ActionPlan.Web.Features.Slips;

public sealed record SlipAttachmentView(int Id, string FileName, long Size);
