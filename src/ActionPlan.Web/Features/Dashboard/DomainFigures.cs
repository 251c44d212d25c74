using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dashboard;

public sealed record DomainFigures(int Number, string Name, TaskFigures Tasks, MilestoneFigures Milestones);
