namespace ActionPlan.Web.Features.Dashboard;

public sealed record DomainFigures(int Number, string Name, TaskFigures Tasks, MilestoneFigures Milestones);
