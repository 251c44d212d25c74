using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>A page of milestones; <see cref="Tasks"/> is how many tasks they belong to.</summary>
public sealed record MilestoneListResult(IReadOnlyList<MilestoneRow> Rows, int Total, int Tasks, int Page);
