namespace ActionPlan.Web.Features.Tasks;

public sealed record PolicyDateView(DateOnly Date, string Phrase);
