namespace ActionPlan.Web.Features.Slips;

public static class SlipServices
{
    /// <summary>督办单: the slips service.</summary>
    public static IServiceCollection AddSupervisionSlips(this IServiceCollection services) => services.AddSingleton<SupervisionSlips>();
}
