using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Task figures of one domain (or of the whole plan).</summary>
public sealed record TaskFigures(int Total, int NotStarted, int InProgress, int Completed, int Suspended, int OverdueTasks)
{
    public double CompletionRate => Total == 0 ? 0 : (double)Completed / Total;
}
