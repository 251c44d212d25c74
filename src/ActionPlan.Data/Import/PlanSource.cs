using System.Security.Cryptography;

namespace ActionPlan.Data.Import;

public sealed record PlanSource(string Name, byte[] Content)
{
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}
