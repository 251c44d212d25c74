using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Rounds;

public static class RoundServices
{
    /// <summary>调度轮次 and 催报: the rounds, the notifier and (when <paramref name="background"/> and <c>ReportReminders:Enabled</c>) the reminder scanner.</summary>
    public static IServiceCollection AddReportingRounds(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddValidatedOptions<ReminderOptions>(ReminderOptions.Section);
        services.AddSingleton<RoundNotifier>();
        services.AddSingleton<ReportingRounds>();
        services.AddSingleton<RoundReportingFigures>();
        services.AddSingleton<ReminderScanner>();
        if (background && configuration.GetValue($"{ReminderOptions.Section}:{nameof(ReminderOptions.Enabled)}", true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<ReminderScanner>());
        }

        return services;
    }
}
