namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Task figures of one domain (or of the whole plan).</summary>
public sealed record TaskFigures(int Total, int NotStarted, int InProgress, int Completed, int Suspended, int OverdueTasks)
{
    public double CompletionRate => Total == 0 ? 0 : (double)Completed / Total;
}
