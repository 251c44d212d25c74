namespace ActionPlan.Web.Features.Reports;

public sealed record ReportResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors, int? ReportId = null)
{
    public static ReportResult Ok(string message, int id) => new(true, message, new Dictionary<string, string>(), id);
    public static ReportResult Fail(string message, string? field = null) =>
        new(false, message, field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = message });
}
