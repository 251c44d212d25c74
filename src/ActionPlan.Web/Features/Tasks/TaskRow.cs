using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Tasks;

public sealed record TaskRow(
    int Number,
    int DomainNumber,
    string DomainName,
    string Title,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    DateOnly? NextDue,
    string? NextPhrase,
    PlanTaskStatus Status,
    bool AnyCompletedLate,
    bool Closed = false)
{
    /// <summary>The task's warning level, set by the query from the portal's today.</summary>
    public WarningLevel? Warning { get; init; }
}
