namespace ActionPlan.Web.Features.Reports;

public static class ReportServices
{
    /// <summary>进展报送 and 待审核.</summary>
    public static IServiceCollection AddProgressReports(this IServiceCollection services) => services.AddSingleton<ProgressReports>();
}
