namespace ActionPlan.Web.Features.Dispatch;

/// <summary>An issued 调度通报: its 期号 (第N期), the day it was signed off (签发) and who signed it off (display name).</summary>
public sealed record DispatchEdition(int Number, DateOnly IssuedOn, string IssuedBy);
