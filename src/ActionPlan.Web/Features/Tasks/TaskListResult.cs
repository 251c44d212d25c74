namespace ActionPlan.Web.Features.Tasks;

public sealed record TaskListResult(IReadOnlyList<TaskRow> Rows, int Total, int Page);
