using ActionPlan.Data;
using ActionPlan.Data.Import;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.History;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Infrastructure;

public static class DatabaseServices
{
    /// <summary>The database (provider and connection from configuration), plan import and export, start-up migration and seeding.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddSingleton(database);
        services.AddSingleton<InstanceSignals>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddHostedService<InstanceSignalListener>();
        }

        services.AddSingleton<PlansSaved>();
        services.AddSingleton<PlanDataSaved>();
        services.AddSingleton<ReportingDataSaved>();
        services.AddSingleton<HistoryRecorder>();
        services.AddSingleton<ArchivedPlanGuard>();
        services.AddDbContextFactory<AppDbContext>((provider, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(provider.GetRequiredService<ArchivedPlanGuard>(), provider.GetRequiredService<HistoryRecorder>(), provider.GetRequiredService<PlanDataSaved>(), provider.GetRequiredService<ReportingDataSaved>(), provider.GetRequiredService<PlansSaved>());
        });
        // Identity's stores take a scoped context; it is created from the same factory and lives one request or DI scope.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddValidatedOptions<SeedOptions>(SeedOptions.Section);
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<PlanExporter>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
