namespace ActionPlan.Data.Entities;

/// <summary>
/// A personal API token (API 令牌) of one account. Only the SHA-256 hash of the token is stored; the token
/// itself is shown once, when it is created. A request with it acts with its owner's role and unit.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;

    /// <summary>What the owner calls it ("周报脚本").</summary>
    public required string Name { get; set; }

    /// <summary>The token's first characters ("ap_Xy12"), so the owner can tell tokens apart; not enough to use it.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, lower-case hex (64 characters).</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The moment the token stops working; null: until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When a request last used it (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the owner revoked it (撤销); a revoked token never works again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
