using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record OpenWarning(WarningLevel Level, DateOnly Due, string Phrase, string Clause, int TaskNumber, string TaskTitle, int DomainNumber, string DomainName, IReadOnlyList<string> LeadUnits, string? ResponsibilityNote, int DaysLeft);
