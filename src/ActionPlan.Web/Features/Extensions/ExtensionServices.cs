namespace ActionPlan.Web.Features.Extensions;

public static class ExtensionServices
{
    /// <summary>延期申请 and its approval.</summary>
    public static IServiceCollection AddDeadlineExtensions(this IServiceCollection services) => services.AddSingleton<DeadlineExtensions>();
}
