using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record AlertView(WarningLevel Level, int Occurrence, DateOnly AsOf, int TaskNumber, string TaskTitle, DateOnly Due, string Phrase)
{
    /// <summary>The plan of the task: a link to the task names it (task numbers are per plan).</summary>
    public int PlanId { get; init; }
}
