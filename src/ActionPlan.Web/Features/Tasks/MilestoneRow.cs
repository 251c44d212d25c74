using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>One milestone of the list's 按时间节点 view, with its task.</summary>
public sealed record MilestoneRow(
    int TaskNumber,
    int DomainNumber,
    string DomainName,
    string Title,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    int Position,
    DateOnly Due,
    string Phrase,
    bool IsDone,
    DateOnly? CompletedOn)
{
    public WarningLevel? Warning { get; init; }
}
