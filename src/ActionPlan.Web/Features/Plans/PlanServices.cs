namespace ActionPlan.Web.Features.Plans;

public static class PlanServices
{
    /// <summary>计划管理 (archive, re-open), the year-on-year comparison and the guard that keeps archived plans read-only.</summary>
    public static IServiceCollection AddPlanAdministration(this IServiceCollection services)
    {
        services.AddSingleton<PlanAdministration>();
        services.AddSingleton<PlanComparison>();
        return services;
    }

    /// <summary>上传计划 (the page's service); the importer itself is registered with the database.</summary>
    public static IServiceCollection AddPlanUploads(this IServiceCollection services)
    {
        services.AddSingleton<PlanUploads>();
        return services;
    }
}
