using System.Security.Cryptography;
using ActionPlan.Data.Entities;
using ActionPlan.PlanDocument;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ActionPlan.Data.Import;

public sealed record PlanSource(string Name, byte[] Content)
{
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}
