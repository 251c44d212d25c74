using ActionPlan.PlanDocument;

namespace ActionPlan.Web.Features.Plans;

/// <summary>What an uploaded plan would import, before anything is stored.</summary>
public sealed record PlanUploadPreview(
    string FileName,
    PlanHeader Header,
    IReadOnlyList<PlanUploadDomain> Domains,
    int Tasks,
    int Milestones,
    int Measures,
    IReadOnlyList<PlanUploadUnit> Units,
    IReadOnlyList<ParseWarning> Warnings,
    IReadOnlyList<LeadUnitOption> ExistingUnits)
{
    /// <summary>What the import does to the plans' states (a newer year archives the older running plans); null when nothing.</summary>
    public string? ArchiveNote { get; init; }

    public IEnumerable<PlanUploadUnit> NewUnits => Units.Where(u => u.IsNew);
}
