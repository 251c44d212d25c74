namespace ActionPlan.Web.Features.Api;

/// <summary>One of the owner's tokens as the account page lists it (never the token itself).</summary>
public sealed record ApiTokenView(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public ApiTokenState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiTokenState.Revoked
        : ExpiresAt is { } expires && expires <= now ? ApiTokenState.Expired
        : ApiTokenState.Active;
}
