using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record OpenWarning(WarningLevel Level, DateOnly Due, string Phrase, string Clause, int TaskNumber, string TaskTitle, int DomainNumber, string DomainName, IReadOnlyList<string> LeadUnits, string? ResponsibilityNote, int DaysLeft);
