using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Shared;

public static class SharedServices
{
    /// <summary>What every feature uses: the clock (real time, 模拟日期, time zone) and the current plan.</summary>
    public static IServiceCollection AddPortalClock(this IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(new PortalTimeProvider(TimeProvider.System));
        services.AddValidatedOptions<ClockOptions>(ClockOptions.Section);
        services.AddSingleton<PortalClock>();
        services.AddSingleton<CurrentPlan>();
        services.AddSingleton<UnsavedInputs>();
        return services;
    }
}
