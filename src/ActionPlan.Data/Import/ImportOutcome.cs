using System.Security.Cryptography;
using ActionPlan.Data.Entities;
using ActionPlan.PlanDocument;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ActionPlan.Data.Import;

public enum ImportOutcome
{
    Imported,
    AlreadyImported,
}
