namespace ActionPlan.Web.Features.Plans;

public static class PlanServices
{
    /// <summary>上传计划 (the page's service); the importer itself is registered with the database.</summary>
    public static IServiceCollection AddPlanUploads(this IServiceCollection services)
    {
        services.AddSingleton<PlanUploads>();
        return services;
    }
}
