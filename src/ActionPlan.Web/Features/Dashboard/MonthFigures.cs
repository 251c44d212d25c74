using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>Milestones due in one month and how they stand: done on time, done late, overdue, still ahead.</summary>
public sealed record MonthFigures(DateOnly Month, int Due, int DoneOnTime, int DoneLate, int Overdue, int Open);
