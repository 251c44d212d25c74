using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record AlertView(WarningLevel Level, int Occurrence, DateOnly AsOf, int TaskNumber, string TaskTitle, DateOnly Due, string Phrase);
