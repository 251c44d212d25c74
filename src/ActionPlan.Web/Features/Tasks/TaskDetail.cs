using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Tasks;

public sealed record TaskDetail(
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    PlanTaskStatus Status,
    int Progress,
    string? ProgressSummary,
    string? Difficulties,
    int SourceLine,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<PolicyDateView> PolicyDates,
    Guid Version,
    string? SuspensionReason);
