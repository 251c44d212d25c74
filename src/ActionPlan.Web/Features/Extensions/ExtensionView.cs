using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Extensions;

/// <summary>One 延期申请 as the lists show it, with its task and milestone.</summary>
public sealed record ExtensionView(
    int Id,
    int TaskNumber,
    string TaskTitle,
    int MilestonePosition,
    string Phrase,
    string Clause,
    string LeadUnit,
    DateOnly CurrentDue,
    DateOnly RequestedDue,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    ExtensionState State,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    int MilestoneId);
