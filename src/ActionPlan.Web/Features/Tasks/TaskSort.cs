namespace ActionPlan.Web.Features.Tasks;

public enum TaskSort
{
    Number,
    Domain,
    Title,
    Deadline,
    Status,
}
