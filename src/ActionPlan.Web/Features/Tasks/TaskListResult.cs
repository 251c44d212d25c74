using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Tasks;

public sealed record TaskListResult(IReadOnlyList<TaskRow> Rows, int Total, int Page);
