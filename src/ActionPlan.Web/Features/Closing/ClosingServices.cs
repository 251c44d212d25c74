namespace ActionPlan.Web.Features.Closing;

public static class ClosingServices
{
    /// <summary>销号 and 恢复.</summary>
    public static IServiceCollection AddTaskClosing(this IServiceCollection services) => services.AddSingleton<TaskClosing>();
}
