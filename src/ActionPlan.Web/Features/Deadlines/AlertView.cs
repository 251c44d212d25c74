using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Deadlines;

public sealed record AlertView(WarningLevel Level, int Occurrence, DateOnly AsOf, int TaskNumber, string TaskTitle, DateOnly Due, string Phrase);
