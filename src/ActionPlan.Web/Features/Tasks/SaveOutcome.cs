namespace ActionPlan.Web.Features.Tasks;

public enum SaveOutcome
{
    Saved,
    Unchanged,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}
