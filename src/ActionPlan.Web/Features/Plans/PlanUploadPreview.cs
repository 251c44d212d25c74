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
    public IEnumerable<PlanUploadUnit> NewUnits => Units.Where(u => u.IsNew);
}
