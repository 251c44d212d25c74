using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Deadlines;

public static class DeadlineServices
{
    /// <summary>
    /// 预警: the deadline settings, the scanner (in the background when <paramref name="background"/> and
    /// <c>DeadlineWatch:Enabled</c>), the bell's live feed and the alert reads.
    /// </summary>
    public static IServiceCollection AddDeadlineWatch(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddValidatedOptions<DeadlineSettings>(DeadlineSettings.Section);
        services.AddSingleton<AlertFeed>();
        services.AddScoped<BellState>();
        services.AddSingleton<DeadlineScanner>();
        if (background && configuration.GetValue($"{DeadlineSettings.Section}:{nameof(DeadlineSettings.Enabled)}", true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<DeadlineScanner>());
        }

        services.AddSingleton<AlertQueries>();
        return services;
    }
}
