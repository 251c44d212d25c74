namespace ActionPlan.Web.Features.Plans;

/// <summary>A unit an uploaded plan names, with the tasks it leads or supports.</summary>
/// <param name="ExistingId">The unit of that exact name the portal already holds; null for a unit new to it.</param>
public sealed record PlanUploadUnit(string Name, int LeadTasks, int SupportingTasks, int? ExistingId)
{
    public bool IsNew => ExistingId is null;
}
