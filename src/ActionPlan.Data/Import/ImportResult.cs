using System.Security.Cryptography;
using ActionPlan.Data.Entities;
using ActionPlan.PlanDocument;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ActionPlan.Data.Import;

public sealed record ImportResult(string SourceName, ImportOutcome Outcome, int? PlanId, int Tasks, int Milestones, int Warnings);
