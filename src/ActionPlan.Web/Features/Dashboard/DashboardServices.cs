using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Dashboard;

public static class DashboardServices
{
    /// <summary>总览: the figure snapshot (refreshed in the background when <paramref name="background"/> and <c>Dashboard:Snapshots</c>), the cache and the reads.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddValidatedOptions<DashboardOptions>(DashboardOptions.Section);
        services.AddSingleton<FigureSnapshotRefresher>();
        if (background && configuration.GetValue($"{DashboardOptions.Section}:{nameof(DashboardOptions.Snapshots)}", true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<FigureSnapshotRefresher>());
        }

        services.AddSingleton<FigureCache>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<DashboardHtml>();
        services.AddSingleton<ReportingHtml>();
        return services;
    }
}
