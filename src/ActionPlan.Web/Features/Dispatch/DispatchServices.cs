namespace ActionPlan.Web.Features.Dispatch;

public static class DispatchServices
{
    /// <summary>调度通报: the report's reads (its page and the .xlsx endpoint) and 签发 (issued reports, stored whole).</summary>
    public static IServiceCollection AddDispatchReport(this IServiceCollection services) =>
        services.AddSingleton<DispatchReportQueries>().AddSingleton<DispatchIssues>();
}
