namespace ActionPlan.PlanDocument;

/// <summary>One numbered task.</summary>
/// <param name="Title">The heading sentence before the first 。.</param>
/// <param name="Text">The task as written after its number, page breaks repaired, without its trailing lead-unit clause.</param>
/// <param name="LeadUnitClause">The raw clause(s) as written, e.g. （牵头单位：省市场监管局）; several joined by a space.</param>
/// <param name="LeadUnits">Each named unit (牵头单位, also written 责任单位), in the order written, without duplicates.</param>
/// <param name="ResponsibilityNote">省有关部门单位按照职责分工负责 where no unit is named, else null.</param>
/// <param name="Line">1-based line of the task's number in the source text.</param>
public sealed record ParsedTask(
    int Number,
    int DomainNumber,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    IReadOnlyList<ParsedMilestone> Milestones,
    IReadOnlyList<ParsedPolicyDate> PolicyDates,
    int Line)
{
    /// <summary>
    /// The units named as helping (配合单位, 协同单位), in the order written; never one of <see cref="LeadUnits"/>.
    /// They read the task but do not answer for it.
    /// </summary>
    public IReadOnlyList<string> SupportingUnits { get; init; } = [];
}
