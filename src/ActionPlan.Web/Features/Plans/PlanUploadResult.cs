namespace ActionPlan.Web.Features.Plans;

/// <summary>The outcome of 确认导入: the new plan's id, or the Chinese reason nothing was stored.</summary>
public sealed record PlanUploadResult(bool Succeeded, string Message, int? PlanId = null)
{
    public static PlanUploadResult Fail(string message) => new(false, message);
}
