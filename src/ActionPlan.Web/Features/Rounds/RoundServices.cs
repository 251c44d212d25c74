using ActionPlan.Data;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

public static class RoundServices
{
    /// <summary>调度轮次 and 催报: the rounds, the notifier and (when <paramref name="background"/> and <c>ReportReminders:Enabled</c>) the reminder scanner.</summary>
    public static IServiceCollection AddReportingRounds(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddValidatedOptions<ReminderOptions>(ReminderOptions.Section);
        services.AddSingleton<RoundNotifier>();
        services.AddSingleton<ReportingRounds>();
        // Kept as long as the 总览's figures (Dashboard:CacheSeconds), emptied by this instance's saves.
        var keep = TimeSpan.FromSeconds(configuration.GetValue("Dashboard:CacheSeconds", 10));
        services.AddSingleton(provider => new RoundReportingFigures(
            provider.GetRequiredService<IDbContextFactory<AppDbContext>>(), provider.GetRequiredService<ReportingDataSaved>(), provider.GetRequiredService<TimeProvider>(), keep));
        services.AddSingleton<ReminderScanner>();
        if (background && configuration.GetValue($"{ReminderOptions.Section}:{nameof(ReminderOptions.Enabled)}", true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<ReminderScanner>());
        }

        return services;
    }
}
