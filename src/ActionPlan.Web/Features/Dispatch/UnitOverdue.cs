using System.Globalization;
using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>A lead unit with overdue milestones and the tasks they belong to.</summary>
public sealed record UnitOverdue(string Name, int Overdue, IReadOnlyList<int> TaskNumbers);
