namespace ActionPlan.Web.Features.Tasks;

public static class TaskServices
{
    /// <summary>任务清单 and 任务详情: reads and the office's edits.</summary>
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<TaskWorkspace>();
        return services;
    }
}
