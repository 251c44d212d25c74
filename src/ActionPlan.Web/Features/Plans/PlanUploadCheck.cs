namespace ActionPlan.Web.Features.Plans;

/// <summary>The preview of an uploaded file, or why it cannot be imported (and the line, for a format error).</summary>
public sealed record PlanUploadCheck(PlanUploadPreview? Preview, string? Error, int? ErrorLine = null)
{
    public bool Succeeded => Preview is not null;

    public static PlanUploadCheck Fail(string error, int? line = null) => new(null, error, line);
}
